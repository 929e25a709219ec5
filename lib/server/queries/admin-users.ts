import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, users } from "@/db/schema";
import type { UserListQuery, UserSortColumn } from "@/lib/domain/admin-query";
import { isAdmin, type Actor } from "@/lib/domain/permissions";
import { escapeLike } from "./like";

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  accountId: users.accountId,
  accountName: accounts.name,
  createdAt: users.createdAt,
};

const sortable = {
  name: users.name,
  email: users.email,
  account: accounts.name,
  role: users.role,
  created: users.createdAt,
} satisfies Record<UserSortColumn, unknown>;

/** What narrows and orders the users: the console's URL and the API's query both give it. */
export type UserFilters = Partial<Pick<UserListQuery, "q" | "account" | "role" | "active">> &
  Pick<UserListQuery, "sort">;

function filters(query: UserFilters): SQL[] {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (query.account) where.push(eq(users.accountId, query.account));
  if (query.role) where.push(eq(users.role, query.role));
  if (query.active) where.push(eq(users.active, query.active === "yes"));
  return where;
}

/** One page of users for an admin, searched, filtered and sorted in SQL; nothing for anyone else. */
export function listUsers(actor: Actor, query: UserListQuery) {
  return listUserWindow(actor, query, { limit: query.size, offset: (query.page - 1) * query.size });
}

/** `window.limit` users from `window.offset` on, of those matching `query`, and how many match. */
export async function listUserWindow(actor: Actor, query: UserFilters, window: { limit: number; offset: number }) {
  if (!isAdmin(actor)) return { rows: [], total: 0 };
  const db = await getDb();
  const where = and(...filters(query));
  const column = sortable[query.sort.column];
  const [rows, [counted]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(accounts, eq(accounts.id, users.accountId))
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), asc(users.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

export type AdminUserRow = Awaited<ReturnType<typeof listUsers>>["rows"][number];

/** One user, for an admin. */
export async function getUser(actor: Actor, userId: string): Promise<AdminUserRow | null> {
  if (!isAdmin(actor)) return null;
  const db = await getDb();
  const [user] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(eq(users.id, userId));
  return user ?? null;
}
