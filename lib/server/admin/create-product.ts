import "server-only";
import { products, type Product } from "@/db/schema";
import type { CreateProductInput } from "@/lib/domain/admin-input";
import { ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { accountOfKind } from "./account-lookup";
import { adminTransaction } from "./admin-transaction";

export async function createProduct(actor: Actor, input: CreateProductInput): Promise<Result<Product>> {
  return adminTransaction(actor, async (tx) => {
    const vendor = await accountOfKind(tx, input.vendorAccountId, ["vendor"], "vendorAccountId");
    if (!vendor.ok) return vendor;
    const [product] = await tx
      .insert(products)
      .values({ id: newAdminObjectId("product"), ...input })
      .returning();
    await recordEvent(tx, {
      objectType: "product",
      objectId: product!.id,
      action: "create",
      actor,
      details: { ...input },
    });
    return ok(product!);
  });
}
