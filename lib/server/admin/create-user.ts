import "server-only";
import { eq } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { CreateUserInput } from "@/lib/domain/admin-input";
import { accountKinds } from "@/lib/domain/catalog";
import { ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { roleFitsAccount, roleFitsAccountMessage } from "@/lib/domain/user-admin";
import { recordEvent } from "@/lib/server/events";
import { accountOfKind } from "./account-lookup";
import { adminTransaction, fieldFailure } from "./admin-transaction";
import { newTemporaryPassword } from "./temporary-password";

export interface CreatedUser {
  user: User;
  /** Shown once to the admin; the user must change it at the first sign-in. */
  temporaryPassword: string;
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<Result<CreatedUser>> {
  const { password, passwordHash } = await newTemporaryPassword();
  return adminTransaction(actor, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) return fieldFailure("email", "A user with this email exists.");
    const account = await accountOfKind(tx, input.accountId, accountKinds, "accountId");
    if (!account.ok) return account;
    if (!roleFitsAccount(input.role, account.value.kind))
      return fieldFailure("role", roleFitsAccountMessage(account.value.kind));

    const [user] = await tx
      .insert(users)
      .values({ id: newAdminObjectId("user"), ...input, passwordHash, mustChangePassword: true })
      .returning();
    await recordEvent(tx, {
      objectType: "user",
      objectId: user!.id,
      action: "create",
      actor,
      details: { email: input.email, accountId: input.accountId, role: input.role },
    });
    return ok({ user: user!, temporaryPassword: password });
  });
}
