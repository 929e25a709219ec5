import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, items, products, type Item, type Product } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

export type AdminProductRow = Product & { vendorName: string; items: number };

/** Every product with its vendor and number of items, for an admin. */
export async function listProducts(actor: Actor): Promise<AdminProductRow[]> {
  if (!isAdmin(actor)) return [];
  const db = await getDb();
  const rows = await db
    .select({ product: products, vendorName: accounts.name, items: count(items.id) })
    .from(products)
    .innerJoin(accounts, eq(accounts.id, products.vendorAccountId))
    .leftJoin(items, eq(items.productId, products.id))
    .groupBy(products.id, accounts.name)
    .orderBy(asc(accounts.name), asc(products.name));
  return rows.map(({ product, ...rest }) => ({ ...product, ...rest }));
}

/** A product with its vendor's name and its items, for an admin. */
export async function getProductWithItems(
  actor: Actor,
  productId: string,
): Promise<{ product: AdminProductRow; items: Item[] } | null> {
  if (!isAdmin(actor)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ product: products, vendorName: accounts.name })
    .from(products)
    .innerJoin(accounts, eq(accounts.id, products.vendorAccountId))
    .where(eq(products.id, productId));
  if (!row) return null;
  const productItems = await db.select().from(items).where(eq(items.productId, productId)).orderBy(asc(items.id));
  return { product: { ...row.product, vendorName: row.vendorName, items: productItems.length }, items: productItems };
}
