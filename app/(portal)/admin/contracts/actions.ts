"use server";

import { revalidatePath } from "next/cache";
import { contractTarget, createContractInput } from "@/lib/domain/admin-input";
import { createContract } from "@/lib/server/admin/create-contract";
import { deactivateContract } from "@/lib/server/admin/deactivate-contract";
import { formAction } from "@/lib/server/form-action";

export const createContractAction = formAction(createContractInput, createContract, (contract) => {
  revalidatePath("/admin/contracts");
  return { ok: true, message: `Created contract ${contract.id}.` };
});

export const deactivateContractAction = formAction(
  contractTarget,
  (actor, { contractId }) => deactivateContract(actor, contractId),
  () => {
    revalidatePath("/admin/contracts");
    return { ok: true, message: "Deactivated." };
  },
);
