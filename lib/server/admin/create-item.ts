import "server-only";
import { and, count, eq, or } from "drizzle-orm";
import { items, products, type Item } from "@/db/schema";
import type { CreateItemInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { itemIdOf } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction, fieldFailure } from "./admin-transaction";

export async function createItem(actor: Actor, input: CreateItemInput): Promise<Result<Item>> {
  return adminTransaction(actor, async (tx) => {
    // Locking the product numbers its items one at a time.
    const [product] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!product) return fail("not_found", "No such product.");
    const [clash] = await tx
      .select()
      .from(items)
      .where(and(eq(items.productId, product.id), or(eq(items.mpn, input.mpn), eq(items.localId, input.localId))));
    if (clash) {
      return clash.mpn === input.mpn
        ? fieldFailure("mpn", "Another item of this product has this MPN.")
        : fieldFailure("localId", "Another item of this product has this local id.");
    }
    const [existing] = await tx.select({ total: count() }).from(items).where(eq(items.productId, product.id));
    const [item] = await tx
      .insert(items)
      .values({ id: itemIdOf(product.id, (existing?.total ?? 0) + 1), ...input })
      .returning();
    await recordEvent(tx, { objectType: "item", objectId: item!.id, action: "create", actor, details: { ...input } });
    return ok(item!);
  });
}
