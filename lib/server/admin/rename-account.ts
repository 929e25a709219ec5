import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { accounts, type Account } from "@/db/schema";
import type { RenameAccountInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction, fieldFailure } from "./admin-transaction";

export async function renameAccount(actor: Actor, { accountId, name }: RenameAccountInput): Promise<Result<Account>> {
  return adminTransaction(actor, async (tx) => {
    const [taken] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.name, name), ne(accounts.id, accountId)));
    if (taken) return fieldFailure("name", "Another account has this name.");
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    if (!before) return fail("not_found", "No such account.");
    const [account] = await tx.update(accounts).set({ name }).where(eq(accounts.id, accountId)).returning();
    await recordEvent(tx, {
      objectType: "account",
      objectId: accountId,
      action: "rename",
      actor,
      details: { from: before.name, to: name },
    });
    return ok(account!);
  });
}
