"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ImportState } from "@/components/admin/subscription-import-form";
import { createSubscriptionInput } from "@/lib/domain/admin-input";
import { requireActor } from "@/lib/server/actor";
import { createSubscription } from "@/lib/server/admin/create-subscription";
import { importSubscriptions } from "@/lib/server/admin/import-subscriptions";
import { failureState, formAction } from "@/lib/server/form-action";

export const createSubscriptionAction = formAction(createSubscriptionInput, createSubscription, (subscription) => {
  revalidatePath("/admin/subscriptions");
  return { ok: true, message: `Created subscription ${subscription.id}.` };
});

const sheetUpload = z.object({
  sheet: z.instanceof(File).refine((file) => file.size > 0, "Choose a .csv or .xlsx file."),
});

/** Not `formAction`: a refused import answers with its problems row by row, not only a message. */
export async function importSubscriptionsAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const parsed = sheetUpload.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ok: false, error: "Choose a sheet to import.", fields: { sheet: "Choose a .csv or .xlsx file." } };
  const actor = await requireActor();
  const result = await importSubscriptions(actor, parsed.data.sheet);
  if (result.ok) {
    revalidatePath("/admin/subscriptions");
    return { ok: true, message: `Imported ${result.value.imported} subscriptions.` };
  }
  return { ...failureState(result), rowErrors: "rowErrors" in result ? result.rowErrors : undefined };
}
