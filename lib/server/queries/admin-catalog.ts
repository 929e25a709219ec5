import "server-only";
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, items, products, subscriptions, type Item, type Product, type Subscription } from "@/db/schema";
import type { SubscriptionListQuery, SubscriptionSortColumn } from "@/lib/domain/admin-query";
import { isAdmin, type Actor } from "@/lib/domain/permissions";
import { escapeLike } from "./like";

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

const sortable = {
  externalId: subscriptions.externalId,
  product: products.name,
  contract: subscriptions.contractId,
  status: subscriptions.status,
  activeFrom: subscriptions.activeFrom,
} satisfies Record<SubscriptionSortColumn, unknown>;

/** What narrows and orders the subscriptions: the console's URL and the API's query both give it. */
export type SubscriptionFilters = Partial<Pick<SubscriptionListQuery, "q" | "product" | "contract">> &
  Pick<SubscriptionListQuery, "sort">;

function subscriptionFilters(query: SubscriptionFilters): SQL[] {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    where.push(
      or(
        ilike(subscriptions.id, pattern),
        ilike(subscriptions.externalId, pattern),
        ilike(subscriptions.externalUid, pattern),
      )!,
    );
  }
  if (query.product) where.push(eq(subscriptions.productId, query.product));
  if (query.contract) where.push(eq(subscriptions.contractId, query.contract));
  return where;
}

/** One page of subscriptions for an admin, filtered and sorted in SQL. */
export function listSubscriptions(actor: Actor, query: SubscriptionListQuery) {
  return listSubscriptionWindow(actor, query, { limit: query.size, offset: (query.page - 1) * query.size });
}

/** `window.limit` subscriptions from `window.offset` on, of those matching `query`, and how many match. */
export async function listSubscriptionWindow(
  actor: Actor,
  query: SubscriptionFilters,
  window: { limit: number; offset: number },
) {
  if (!isAdmin(actor)) return { rows: [], total: 0 };
  const db = await getDb();
  const where = and(...subscriptionFilters(query));
  const column = sortable[query.sort.column];
  const [rows, [counted]] = await Promise.all([
    subscriptionsWithProductName(db)
      .where(where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), asc(subscriptions.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ total: count() }).from(subscriptions).where(where),
  ]);
  return { rows: rows.map(withProductName), total: counted?.total ?? 0 };
}

/** One subscription with its product's name, for an admin. */
export async function getSubscription(actor: Actor, subscriptionId: string): Promise<AdminSubscriptionRow | null> {
  if (!isAdmin(actor)) return null;
  const db = await getDb();
  const [row] = await subscriptionsWithProductName(db).where(eq(subscriptions.id, subscriptionId));
  return row ? withProductName(row) : null;
}

function subscriptionsWithProductName(db: Database) {
  return db
    .select({ subscription: subscriptions, productName: products.name })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId));
}

function withProductName({ subscription, productName }: { subscription: Subscription; productName: string }) {
  return { ...subscription, productName };
}

export type AdminSubscriptionRow = Awaited<ReturnType<typeof listSubscriptions>>["rows"][number];
