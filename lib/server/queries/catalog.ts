import "server-only";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accounts, contracts, items, products, usageFiles, type Item, type Product } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { visibleContracts } from "./subscriptions";
import { visibleUsageFiles } from "./usage-files";

/** A product as an actor may see it: vendors their own account's, admins all, distributors none here. */
export async function getProduct(actor: Actor, productId: string): Promise<Product | null> {
  if (actor.role === "distributor") return null;
  const db = await getDb();
  const ownership = actor.role === "vendor" ? eq(products.vendorAccountId, actor.accountId) : undefined;
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), ownership));
  return product ?? null;
}

/** The items of a product, for whoever may see the product (`getProduct`). */
export async function listProductItems(actor: Actor, productId: string): Promise<Item[]> {
  if (!(await getProduct(actor, productId))) return [];
  const db = await getDb();
  return db.select().from(items).where(eq(items.productId, productId)).orderBy(asc(items.mpn));
}

/** The items of a usage file's product, for whoever may see the file (its reviewers too). */
export async function listUsageFileItems(actor: Actor, usageFileId: string): Promise<Item[]> {
  const db = await getDb();
  return db
    .select(getTableColumns(items))
    .from(items)
    .innerJoin(usageFiles, eq(usageFiles.productId, items.productId))
    .where(and(eq(usageFiles.id, usageFileId), visibleUsageFiles(actor)))
    .orderBy(asc(items.mpn));
}

/** The products a vendor reports usage for: its own account's. */
export async function listVendorProducts(actor: Actor): Promise<Product[]> {
  if (actor.role !== "vendor") return [];
  const db = await getDb();
  return db.select().from(products).where(eq(products.vendorAccountId, actor.accountId)).orderBy(asc(products.name));
}

/** A contract as a filter offers it: with both parties' names, each side showing the other's. */
export interface ContractChoice {
  id: string;
  vendorName: string;
  distributorName: string;
}

/** The contracts an actor works under (`contractScope`) and their vendors' products: a filter's choices. */
export async function listContractChoices(
  actor: Actor,
): Promise<{ contracts: ContractChoice[]; products: Pick<Product, "id" | "name">[] }> {
  const db = await getDb();
  const vendor = alias(accounts, "vendor");
  const distributor = alias(accounts, "distributor");
  const [contractRows, productRows] = await Promise.all([
    db
      .select({ id: contracts.id, vendorName: vendor.name, distributorName: distributor.name })
      .from(contracts)
      .innerJoin(vendor, eq(vendor.id, contracts.vendorAccountId))
      .innerJoin(distributor, eq(distributor.id, contracts.distributorAccountId))
      .where(visibleContracts(actor))
      .orderBy(asc(contracts.id)),
    db
      .selectDistinct({ id: products.id, name: products.name })
      .from(products)
      .innerJoin(contracts, eq(contracts.vendorAccountId, products.vendorAccountId))
      .where(visibleContracts(actor))
      .orderBy(asc(products.name), asc(products.id)),
  ]);
  return { contracts: contractRows, products: productRows };
}

export interface ContractOption {
  id: string;
  marketplace: string;
  distributorName: string;
  active: boolean;
}

/** A vendor's contracts, with the distributor or reseller each one reports to. */
export async function listVendorContracts(actor: Actor): Promise<ContractOption[]> {
  if (actor.role !== "vendor") return [];
  const db = await getDb();
  return db
    .select({
      id: contracts.id,
      marketplace: contracts.marketplace,
      distributorName: accounts.name,
      active: contracts.active,
    })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.distributorAccountId))
    .where(eq(contracts.vendorAccountId, actor.accountId))
    .orderBy(asc(contracts.id));
}
