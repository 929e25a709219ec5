import "server-only";
import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { UpdateUserInput } from "@/lib/domain/admin-input";
import { accountKinds } from "@/lib/domain/catalog";
import { ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { roleFitsAccount, roleFitsAccountMessage } from "@/lib/domain/user-admin";
import { recordEvent } from "@/lib/server/events";
import { accountOfKind } from "./account-lookup";
import { adminTransaction, fieldFailure } from "./admin-transaction";
import { keepsAnAdmin, lockUserForChange } from "./user-change";

/** Moves a user to another account or role; the role must fit the account's kind. */
export async function updateUser(actor: Actor, { userId, accountId, role }: UpdateUserInput): Promise<Result<User>> {
  return adminTransaction(actor, async (tx) => {
    const locked = await lockUserForChange(tx, userId);
    if (!locked.ok) return locked;
    const { user, activeAdmins } = locked.value;
    const account = await accountOfKind(tx, accountId, accountKinds, "accountId");
    if (!account.ok) return account;
    if (!roleFitsAccount(role, account.value.kind))
      return fieldFailure("role", roleFitsAccountMessage(account.value.kind));
    const kept = keepsAnAdmin(user, { role, active: user.active }, activeAdmins);
    if (!kept.ok) return kept;

    const [updated] = await tx.update(users).set({ accountId, role }).where(eq(users.id, userId)).returning();
    await recordEvent(tx, {
      objectType: "user",
      objectId: userId,
      action: "update",
      actor,
      details: { from: { accountId: user.accountId, role: user.role }, to: { accountId, role } },
    });
    return ok(updated!);
  });
}
