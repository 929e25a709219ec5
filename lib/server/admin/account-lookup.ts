import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, type Account } from "@/db/schema";
import { accountKinds, type AccountKind } from "@/lib/domain/catalog";
import { ok, type Result } from "@/lib/domain/errors";
import { fieldFailure } from "./admin-transaction";

/** An account the form's `field` names, which must be of one of `kinds`. */
export async function accountOfKind(
  tx: Database,
  accountId: string,
  kinds: readonly AccountKind[],
  field: string,
): Promise<Result<Account>> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || !kinds.includes(account.kind)) {
    return fieldFailure(
      field,
      kinds.length === accountKinds.length ? "Choose an account." : `Choose a ${kinds.join(" or ")} account.`,
    );
  }
  return ok(account);
}
