import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users, type User } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { removesLastAdmin } from "@/lib/domain/user-admin";

/**
 * Locks the active admins, then the user, so two admins demoting each other at once cannot both
 * pass the last-admin check.
 */
export async function lockUserForChange(
  tx: Database,
  userId: string,
): Promise<Result<{ user: User; activeAdmins: number }>> {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .for("update");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) return fail("not_found", "No such user.");
  const [admins] = await tx
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)));
  return ok({ user, activeAdmins: admins?.total ?? 0 });
}

export function keepsAnAdmin(user: User, after: Pick<User, "role" | "active">, activeAdmins: number): Result<null> {
  return removesLastAdmin(user, after, activeAdmins)
    ? fail("conflict", "This is the last active admin: make another user admin first.")
    : ok(null);
}
