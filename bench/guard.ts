// Guard benchmark (issue 19: catch double billing and odd usage before anyone bills it). Each
// figure of the suite is one function over the same seeded database, run in turn by `benchGuard`;
// for now `missing_usage_ms`. `guard_overhead_pct` and `anomalies_seconds` join `figures` below.
import { eq, sql } from "drizzle-orm";
import { type DatabaseHandle, replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { demoUsers, seedDemoData } from "@/db/seed";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import { listMissingUsage } from "@/lib/server/queries/missing-usage";
import { reportFigure, timed } from "./report";

export interface GuardOptions {
  rows: number;
}

/** What every figure of the suite gets: the seeded database, and the options it was run with. */
interface GuardBench {
  handle: DatabaseHandle;
  options: GuardOptions;
}

const figures: ((bench: GuardBench) => Promise<void>)[] = [benchMissingUsage];

export async function benchGuard(options: GuardOptions): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  try {
    replaceDatabase(database.handle);
    await seedDemoData(database.handle.db);
    for (const figure of figures) await figure({ handle: database.handle, options });
  } finally {
    await database.handle.close();
    await database.drop();
  }
}

const actorOf = (email: string): Actor => {
  const user = demoUsers.find((u) => u.email === email)!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
};
const vendor = actorOf("vendor@acme.test");
const distributor = actorOf("distributor@northwind.test");
const templateFileId = "UF-2026-10-1001-0002";

// ---- missing_usage_ms ---------------------------------------------------------------------------

const missingUsage = {
  subscriptions: 100_000,
  month: "2024-06",
  /** Reported in the month by an Accepted file, then by a Pending one; the rest is missing. */
  accepted: 60_000,
  pending: 35_000,
  /** Items per subscription in each file: usage_file_totals rows per subscription. */
  items: 3,
  /** Earlier months, each an Accepted file reporting every subscription: where "last reported" is found. */
  history: ["2024-04", "2024-05"],
  runs: 7,
};

/**
 * The first page (100 rows, the API's default) of the missing-usage report for a month with 100k
 * active subscriptions of one contract, most of them reported through stored totals: the median
 * of several runs, for the vendor (the figure) and the contract's distributor.
 */
async function benchMissingUsage({ handle }: GuardBench): Promise<void> {
  const { subscriptions, month, accepted, pending, items, history, runs } = missingUsage;
  await insertSubscriptions(handle, subscriptions);
  await insertReportingFile(handle, "UF-2024-06-9200-0001", month, "accepted", { first: 1, count: accepted, items });
  await insertReportingFile(handle, "UF-2024-06-9200-0002", month, "pending", {
    first: accepted + 1,
    count: pending,
    items,
  });
  for (const [index, earlier] of history.entries()) {
    const id = `UF-${earlier}-9200-${String(index + 3).padStart(4, "0")}`;
    await insertReportingFile(handle, id, earlier, "accepted", { first: 1, count: subscriptions, items: 2 });
  }
  await handle.rows("ANALYZE");

  const query = { period: month, sort: { column: "externalId" as const, desc: false } };
  const window = { limit: 100, offset: 0 };
  const medianOf = async (actor: Actor) => {
    const timings: number[] = [];
    let total = 0;
    for (let run = 0; run < runs; run++) {
      const { result, seconds } = await timed(() => listMissingUsage(actor, query, window));
      total = result.total;
      timings.push(seconds * 1000);
    }
    return { ms: median(timings), total };
  };
  const forVendor = await medianOf(vendor);
  const forDistributor = await medianOf(distributor);
  const missing = subscriptions - accepted - pending;
  if (forVendor.total !== missing) throw new Error(`The vendor's report lists ${forVendor.total}, not ${missing}`);
  reportFigure("missing_usage_ms", forVendor.ms, {
    subscriptions,
    missing: forVendor.total,
    usage_file_totals_rows: (accepted + pending) * items + subscriptions * 2 * history.length,
    runs,
    distributor_ms: Math.round(forDistributor.ms * 100) / 100,
  });
}

/** `count` Active subscriptions of Acme Compute on CRD-00001, `AS-9200-000000001` on, active all of 2024 and on. */
async function insertSubscriptions(handle: DatabaseHandle, count: number): Promise<void> {
  await handle.db.execute(sql`
    INSERT INTO subscriptions (id, product_id, contract_id, external_id, external_uid, status, active_from)
    SELECT 'AS-9200-' || lpad(n::text, 9, '0'), 'PRD-100-001', 'CRD-00001', 'EXT-9200' || lpad(n::text, 9, '0'),
           'uid-bench-' || n, 'active', '2024-01-01T00:00:00Z'
    FROM generate_series(1, ${count}::int) AS n`);
}

/**
 * An Acme Compute file of `month` in `status` whose stored totals report usage for the
 * subscriptions numbered `first` to `first + count - 1`, on `items` items each: what processing
 * would have stored for it, without its records (the report never reads them).
 */
async function insertReportingFile(
  handle: DatabaseHandle,
  id: string,
  month: string,
  status: UsageFileStatus,
  reported: { first: number; count: number; items: number },
): Promise<void> {
  const db = handle.db;
  const [template] = await db.select().from(usageFiles).where(eq(usageFiles.id, templateFileId));
  const period = monthPeriod(month);
  await db.insert(usageFiles).values({
    ...template!,
    id,
    name: `Benchmark ${status} ${month}`,
    status,
    generation: 1,
    periodFrom: period.from,
    periodTo: period.to,
    stats: null,
    warningCounts: null,
    firstRecordId: null,
    lastRecordId: null,
  });
  await db.execute(sql`
    INSERT INTO usage_file_totals (usage_file_id, generation, subscription_id, item_id, records, quantity)
    SELECT ${id}, 1, 'AS-9200-' || lpad(n::text, 9, '0'), 'PRD-100-001-000' || item, 10, 12.5
    FROM generate_series(${reported.first}::int, ${reported.first + reported.count - 1}::int) AS n,
         generate_series(1, ${reported.items}::int) AS item`);
}

function median(timings: readonly number[]): number {
  const sorted = [...timings].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
