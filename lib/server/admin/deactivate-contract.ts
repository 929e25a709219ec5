import "server-only";
import { and, eq } from "drizzle-orm";
import { contracts, type Contract } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction } from "./admin-transaction";

/** No new usage files under it; existing files keep their contract for review and billing. */
export async function deactivateContract(actor: Actor, contractId: string): Promise<Result<Contract>> {
  return adminTransaction(actor, async (tx) => {
    const [contract] = await tx
      .update(contracts)
      .set({ active: false })
      .where(and(eq(contracts.id, contractId), eq(contracts.active, true)))
      .returning();
    if (!contract) return fail("not_found", "No such active contract.");
    await recordEvent(tx, { objectType: "contract", objectId: contractId, action: "deactivate", actor });
    return ok(contract);
  });
}
