import "server-only";
import { and, asc, count, desc, eq, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, events, users } from "@/db/schema";
import type { EventListQuery } from "@/lib/domain/admin-query";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

function filters(query: EventListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.actor) where.push(or(eq(events.actorUserId, query.actor), eq(users.email, query.actor.toLowerCase()))!);
  if (query.account) where.push(eq(events.actorAccountId, query.account));
  if (query.objectType) where.push(eq(events.objectType, query.objectType));
  if (query.objectId) where.push(eq(events.objectId, query.objectId));
  if (query.action) where.push(eq(events.action, query.action));
  return where;
}

/** One page of the audit trail for an admin, newest first unless asked otherwise; filtered in SQL. */
export async function listEvents(actor: Actor, query: EventListQuery) {
  if (!isAdmin(actor)) return { rows: [], total: 0 };
  const db = await getDb();
  const where = and(...filters(query));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ event: events, actorEmail: users.email, accountName: accounts.name })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorUserId))
      .leftJoin(accounts, eq(accounts.id, events.actorAccountId))
      .where(where)
      .orderBy(query.sort.desc ? desc(events.at) : asc(events.at), query.sort.desc ? desc(events.id) : asc(events.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(events).leftJoin(users, eq(users.id, events.actorUserId)).where(where),
  ]);
  return { rows: rows.map(({ event, ...names }) => ({ ...event, ...names })), total: counted?.total ?? 0 };
}

export type AuditEventRow = Awaited<ReturnType<typeof listEvents>>["rows"][number];

/** The object types and actions seen so far, for the audit filters' choices. */
export async function listEventKinds(actor: Actor): Promise<{ objectTypes: string[]; actions: string[] }> {
  if (!isAdmin(actor)) return { objectTypes: [], actions: [] };
  const db = await getDb();
  const [types, actions] = await Promise.all([
    db.selectDistinct({ value: events.objectType }).from(events).orderBy(events.objectType),
    db.selectDistinct({ value: events.action }).from(events).orderBy(events.action),
  ]);
  return { objectTypes: types.map((t) => t.value), actions: actions.map((a) => a.value) };
}
