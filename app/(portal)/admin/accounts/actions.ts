"use server";

import { revalidatePath } from "next/cache";
import { createAccountInput, renameAccountInput } from "@/lib/domain/admin-input";
import { createAccount } from "@/lib/server/admin/create-account";
import { renameAccount } from "@/lib/server/admin/rename-account";
import { formAction } from "@/lib/server/form-action";

export const createAccountAction = formAction(createAccountInput, createAccount, (account) => {
  revalidatePath("/admin/accounts");
  return { ok: true, message: `Created ${account.kind} account ${account.name} (${account.id}).` };
});

export const renameAccountAction = formAction(renameAccountInput, renameAccount, (account) => {
  revalidatePath("/admin/accounts");
  return { ok: true, message: `Renamed to ${account.name}.` };
});
