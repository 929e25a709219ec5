import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { ChangePasswordInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";

/**
 * Any user replaces their own password, which also clears a temporary one. The session version is
 * bumped so sessions elsewhere end; the caller signs the user in again with the new password.
 */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<Result<{ email: string }>> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return fail("validation_failed", "The current password is not right.", {
      currentPassword: "The current password is not right.",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await recordEvent(tx, { objectType: "user", objectId: user.id, action: "change_password", actor });
  });
  return ok({ email: user.email });
}
