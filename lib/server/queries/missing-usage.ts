import "server-only";
import { and, count, eq, gt, inArray, lt, max, notExists, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { contracts, subscriptions, usageFileTotals, usageFiles } from "@/db/schema";
import {
  usageExpectedStatuses,
  usageReportingStatuses,
  type MissingUsage,
  type MissingUsageQuery,
} from "@/lib/domain/missing-usage";
import type { Actor } from "@/lib/domain/permissions";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import {
  activeDuring,
  selectSubscriptions,
  subscriptionOrder,
  visibleContracts,
  withProductName,
  type SubscriptionRow,
} from "./subscriptions";
import { visibleUsageFiles } from "./usage-files";

/** A file's stored totals of its current generation: the usage it reports, a few rows per subscription. */
const currentTotals = and(
  eq(usageFileTotals.usageFileId, usageFiles.id),
  eq(usageFileTotals.generation, usageFiles.generation),
)!;

/** The live files the actor may see, whose usage counts as reported for it (`usageReportingStatuses`). */
function reportingFiles(actor: Actor): SQL {
  return and(visibleUsageFiles(actor), inArray(usageFiles.status, [...usageReportingStatuses(actor)]))!;
}

/**
 * Whether a live file the actor may see, with a period overlapping `month`, reports usage for the
 * outer query's subscription: a stored total for it, never a scan of records. A file's totals name
 * only subscriptions of its own product and contract (each record is checked against those), so
 * the subscription's id is enough. The correlation stays in the WHERE clause: PostgreSQL turns the
 * NOT EXISTS into one hashed anti-join only then, instead of probing the files per subscription.
 */
function reportedIn(db: Database, actor: Actor, month: string) {
  const { from, to } = monthPeriod(month);
  return db
    .select({ id: usageFiles.id })
    .from(usageFiles)
    .innerJoin(usageFileTotals, currentTotals)
    .where(
      and(
        eq(usageFileTotals.subscriptionId, subscriptions.id),
        reportingFiles(actor),
        lt(usageFiles.periodFrom, to),
        gt(usageFiles.periodTo, from),
      ),
    );
}

/**
 * One window of the subscriptions of the actor's contracts that were expected to report usage in
 * the month (`expectsUsageIn`) and for which no file the actor counts reports any, and how many
 * there are in all. A vendor sees what it forgot to send, a distributor what it will not bill.
 */
export async function listMissingUsage(
  actor: Actor,
  query: MissingUsageQuery,
  window: { limit: number; offset: number },
): Promise<{ rows: MissingUsage[]; total: number }> {
  const db = await getDb();
  const where = and(
    visibleContracts(actor),
    inArray(subscriptions.status, [...usageExpectedStatuses]),
    activeDuring(monthPeriod(query.period)),
    query.product ? eq(subscriptions.productId, query.product) : undefined,
    query.contract ? eq(subscriptions.contractId, query.contract) : undefined,
    notExists(reportedIn(db, actor, query.period)),
  );
  // Counted in the same pass as the page: the anti-join is the whole cost, and it runs once.
  const listed = await selectSubscriptions(db, { total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .where(where)
    .orderBy(...subscriptionOrder(query.sort))
    .limit(window.limit)
    .offset(window.offset);
  const total = listed[0]?.total ?? (window.offset > 0 ? await countMissing(db, where) : 0);
  const rows = listed.map(withProductName);
  const lastReported = await lastReportedPeriods(db, actor, rows);
  return { rows: rows.map((row) => missingUsageOf(row, lastReported.get(row.id) ?? null)), total };
}

/** How many match, for a page past the last, which has no row to carry the count. */
async function countMissing(db: Database, where: SQL | undefined): Promise<number> {
  const [counted] = await db
    .select({ total: count() })
    .from(subscriptions)
    .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
    .where(where);
  return counted?.total ?? 0;
}

/** The latest month a live file the actor counts reports usage for each of `listed`, by subscription id. */
async function lastReportedPeriods(
  db: Database,
  actor: Actor,
  listed: readonly SubscriptionRow[],
): Promise<Map<string, string>> {
  if (listed.length === 0) return new Map();
  const distinct = (values: string[]) => [...new Set(values)];
  const latest = await db
    .select({ subscriptionId: usageFileTotals.subscriptionId, periodFrom: max(usageFiles.periodFrom) })
    .from(usageFiles)
    .innerJoin(usageFileTotals, currentTotals)
    .where(
      and(
        reportingFiles(actor),
        // The subscriptions' own products and contracts: only their files are looked into.
        inArray(usageFiles.productId, distinct(listed.map((row) => row.productId))),
        inArray(usageFiles.contractId, distinct(listed.map((row) => row.contractId))),
        inArray(
          usageFileTotals.subscriptionId,
          listed.map((row) => row.id),
        ),
      ),
    )
    .groupBy(usageFileTotals.subscriptionId);
  return new Map(
    latest.flatMap(({ subscriptionId, periodFrom }) =>
      periodFrom ? [[subscriptionId, periodFrom.toISOString().slice(0, 7)] as const] : [],
    ),
  );
}

function missingUsageOf(row: SubscriptionRow, lastReportedPeriod: string | null): MissingUsage {
  return {
    subscriptionId: row.id,
    externalId: row.externalId,
    productId: row.productId,
    productName: row.productName,
    contractId: row.contractId,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    lastReportedPeriod,
  };
}
