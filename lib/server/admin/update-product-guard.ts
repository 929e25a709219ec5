import "server-only";
import { eq } from "drizzle-orm";
import { products, type Product } from "@/db/schema";
import type { ProductGuardInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction } from "./admin-transaction";

/** Sets how a product's usage is guarded: files processed from now on follow it. */
export async function updateProductGuard(
  actor: Actor,
  productId: string,
  change: ProductGuardInput,
): Promise<Result<Product>> {
  return adminTransaction(actor, async (tx) => {
    const [product] = await tx.update(products).set(change).where(eq(products.id, productId)).returning();
    if (!product) return fail("not_found", "Product not found.");
    await recordEvent(tx, {
      objectType: "product",
      objectId: productId,
      action: "update",
      actor,
      details: { ...change },
    });
    return ok(product);
  });
}
