import "server-only";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { contracts, products, subscriptions, type Subscription } from "@/db/schema";
import { contractScope, type Actor } from "@/lib/domain/permissions";
import type { SubscriptionListQuery, SubscriptionSortColumn } from "@/lib/domain/subscription-query";
import type { Sort } from "@/lib/domain/table-query";
import type { UsagePeriod } from "@/lib/domain/usage-file-input";
import { escapeLike } from "./like";

/** A subscription as its lists show it: with its product's name. */
export type SubscriptionRow = Subscription & { productName: string };

/** The WHERE clause on `contracts` that keeps an actor to its contracts (`contractScope`), and so to their subscriptions. */
export function visibleContracts(actor: Actor): SQL | undefined {
  const scope = contractScope(actor);
  switch (scope.kind) {
    case "all":
      return undefined;
    case "vendor":
      return eq(contracts.vendorAccountId, scope.vendorAccountId);
    case "distributor":
      return eq(contracts.distributorAccountId, scope.distributorAccountId);
  }
}

const sortable = {
  externalId: subscriptions.externalId,
  product: products.name,
  contract: subscriptions.contractId,
  status: subscriptions.status,
  activeFrom: subscriptions.activeFrom,
} satisfies Record<SubscriptionSortColumn, unknown>;

/** Subscriptions sorted by a table's column, then by id so that pages never overlap. */
export function subscriptionOrder(sort: Sort<SubscriptionSortColumn>): SQL[] {
  const column = sortable[sort.column];
  return [sort.desc ? desc(column) : asc(column), asc(subscriptions.id)];
}

/** Active at some time in `period`: a window overlapping it, an open end open (`expectsUsageIn` in lib/domain). */
export function activeDuring(period: UsagePeriod): SQL {
  return and(
    or(isNull(subscriptions.activeFrom), lt(subscriptions.activeFrom, period.to)),
    or(isNull(subscriptions.activeTo), gt(subscriptions.activeTo, period.from)),
  )!;
}

/** What narrows and orders the subscriptions: a page's URL and the API's query both give it. */
export type SubscriptionFilters = Partial<Pick<SubscriptionListQuery, "q" | "product" | "contract" | "status">> &
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
  if (query.status) where.push(eq(subscriptions.status, query.status));
  return where;
}

/** One page of the subscriptions the actor may see, filtered and sorted in SQL. */
export function listSubscriptions(actor: Actor, query: SubscriptionListQuery) {
  return listSubscriptionWindow(actor, query, { limit: query.size, offset: (query.page - 1) * query.size });
}

/** `window.limit` subscriptions from `window.offset` on, of those the actor may see matching `query`, and how many match. */
export async function listSubscriptionWindow(
  actor: Actor,
  query: SubscriptionFilters,
  window: { limit: number; offset: number },
): Promise<{ rows: SubscriptionRow[]; total: number }> {
  const db = await getDb();
  const where = and(visibleContracts(actor), ...subscriptionFilters(query));
  const [rows, [counted]] = await Promise.all([
    selectSubscriptions(db)
      .where(where)
      .orderBy(...subscriptionOrder(query.sort))
      .limit(window.limit)
      .offset(window.offset),
    db
      .select({ total: count() })
      .from(subscriptions)
      .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
      .where(where),
  ]);
  return { rows: rows.map(withProductName), total: counted?.total ?? 0 };
}

/** One subscription the actor may see, with its product's name; null for another account's. */
export async function getSubscription(actor: Actor, subscriptionId: string): Promise<SubscriptionRow | null> {
  const db = await getDb();
  const [row] = await selectSubscriptions(db).where(and(eq(subscriptions.id, subscriptionId), visibleContracts(actor)));
  return row ? withProductName(row) : null;
}

/**
 * The subscriptions of a product and contract that some record of `period` could be reported
 * against: active at some time in it (a window overlapping the period; an open end is open), by id.
 */
export async function listSubscriptionsActiveIn(
  actor: Actor,
  target: { productId: string; contractId: string; period: UsagePeriod },
): Promise<SubscriptionRow[]> {
  const db = await getDb();
  const rows = await selectSubscriptions(db)
    .where(
      and(
        visibleContracts(actor),
        eq(subscriptions.productId, target.productId),
        eq(subscriptions.contractId, target.contractId),
        activeDuring(target.period),
      ),
    )
    .orderBy(asc(subscriptions.id));
  return rows.map(withProductName);
}

/** The external ids of those of `ids` the actor may see, by `AS-…` id: how pages name a subscription. */
export async function subscriptionExternalIds(actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: subscriptions.id, externalId: subscriptions.externalId })
    .from(subscriptions)
    .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
    .where(and(inArray(subscriptions.id, [...ids]), visibleContracts(actor)));
  return new Map(rows.map((row) => [row.id, row.externalId]));
}

/** Subscriptions with their product's name (and any `extra` columns), joined to their contracts for `visibleContracts`. */
export function selectSubscriptions<Extra extends Record<string, SQL>>(db: Database, extra?: Extra) {
  return db
    .select({ subscription: subscriptions, productName: products.name, ...(extra as Extra) })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
    .$dynamic();
}

export function withProductName({
  subscription,
  productName,
}: {
  subscription: Subscription;
  productName: string;
}): SubscriptionRow {
  return { ...subscription, productName };
}
