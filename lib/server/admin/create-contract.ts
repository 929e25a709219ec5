import "server-only";
import { contracts, type Contract } from "@/db/schema";
import type { CreateContractInput } from "@/lib/domain/admin-input";
import { ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { accountOfKind } from "./account-lookup";
import { adminTransaction } from "./admin-transaction";

/** A vendor reports usage under a contract to one distributor or reseller, on one marketplace. */
export async function createContract(actor: Actor, input: CreateContractInput): Promise<Result<Contract>> {
  return adminTransaction(actor, async (tx) => {
    const vendor = await accountOfKind(tx, input.vendorAccountId, ["vendor"], "vendorAccountId");
    if (!vendor.ok) return vendor;
    const distributor = await accountOfKind(
      tx,
      input.distributorAccountId,
      ["distributor", "reseller"],
      "distributorAccountId",
    );
    if (!distributor.ok) return distributor;

    const [contract] = await tx
      .insert(contracts)
      .values({ id: newAdminObjectId("contract"), ...input })
      .returning();
    await recordEvent(tx, {
      objectType: "contract",
      objectId: contract!.id,
      action: "create",
      actor,
      details: { ...input },
    });
    return ok(contract!);
  });
}
