"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createItemInput, createProductInput } from "@/lib/domain/admin-input";
import { createItem } from "@/lib/server/admin/create-item";
import { createProduct } from "@/lib/server/admin/create-product";
import { formAction } from "@/lib/server/form-action";

const productPage = (id: string) => `/admin/products/${id}`;

/** A new product has no items yet: its page is where they are added. */
export const createProductAction = formAction(createProductInput, createProduct, (product) =>
  redirect(productPage(product.id)),
);

export const createItemAction = formAction(createItemInput, createItem, (item) => {
  revalidatePath(productPage(item.productId));
  return { ok: true, message: `Added ${item.name} (${item.id}).` };
});
