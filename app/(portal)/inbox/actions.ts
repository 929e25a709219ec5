"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/server/actor";
import { markAllInboxItemsRead, markInboxItemRead } from "@/lib/server/inbox/inbox";

const itemInput = z.object({ itemId: z.coerce.number().int().positive() });

/** Opens what an item is about (its file, or the webhooks page), marking it read. */
export async function openInboxItemAction(formData: FormData): Promise<void> {
  const { itemId } = itemInput.parse(Object.fromEntries(formData));
  const actor = await requireActor();
  const marked = await markInboxItemRead(actor, itemId);
  if (!marked.ok) redirect("/inbox");
  redirect(marked.value.path);
}

export async function markInboxItemReadAction(formData: FormData): Promise<void> {
  const { itemId } = itemInput.parse(Object.fromEntries(formData));
  await markInboxItemRead(await requireActor(), itemId);
  revalidatePath("/inbox");
}

export async function markAllInboxItemsReadAction(): Promise<void> {
  await markAllInboxItemsRead(await requireActor());
  revalidatePath("/inbox");
}
