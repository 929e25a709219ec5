import "server-only";
import { eq, sql } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import { ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction } from "./admin-transaction";
import { keepsAnAdmin, lockUserForChange } from "./user-change";

/**
 * Deactivating bumps the session version, so the user's sessions stop at their next request; the
 * actor loader and the API key check refuse inactive users as well.
 */
export async function deactivateUser(actor: Actor, userId: string): Promise<Result<User>> {
  return setUserActive(actor, userId, false);
}

export async function reactivateUser(actor: Actor, userId: string): Promise<Result<User>> {
  return setUserActive(actor, userId, true);
}

async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<Result<User>> {
  return adminTransaction(actor, async (tx) => {
    const locked = await lockUserForChange(tx, userId);
    if (!locked.ok) return locked;
    const { user, activeAdmins } = locked.value;
    const kept = keepsAnAdmin(user, { role: user.role, active }, activeAdmins);
    if (!kept.ok) return kept;

    const [updated] = await tx
      .update(users)
      .set(active ? { active } : { active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning();
    await recordEvent(tx, {
      objectType: "user",
      objectId: userId,
      action: active ? "reactivate" : "deactivate",
      actor,
    });
    return ok(updated!);
  });
}
