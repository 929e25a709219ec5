import "server-only";
import { eq } from "drizzle-orm";
import { accounts, type Account } from "@/db/schema";
import type { CreateAccountInput } from "@/lib/domain/admin-input";
import { ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction, fieldFailure } from "./admin-transaction";

export async function createAccount(actor: Actor, input: CreateAccountInput): Promise<Result<Account>> {
  return adminTransaction(actor, async (tx) => {
    const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, input.name));
    if (taken) return fieldFailure("name", "Another account has this name.");
    const [account] = await tx
      .insert(accounts)
      .values({ id: newAdminObjectId("account"), ...input })
      .returning();
    await recordEvent(tx, {
      objectType: "account",
      objectId: account!.id,
      action: "create",
      actor,
      details: { ...input },
    });
    return ok(account!);
  });
}
