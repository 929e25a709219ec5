import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction } from "./admin-transaction";
import { newTemporaryPassword } from "./temporary-password";

/** A new temporary password, to be changed at the next sign-in; the user's sessions end. */
export async function resetUserPassword(actor: Actor, userId: string): Promise<Result<{ temporaryPassword: string }>> {
  const { password, passwordHash } = await newTemporaryPassword();
  return adminTransaction(actor, async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!user) return fail("not_found", "No such user.");
    await recordEvent(tx, { objectType: "user", objectId: userId, action: "reset_password", actor });
    return ok({ temporaryPassword: password });
  });
}
