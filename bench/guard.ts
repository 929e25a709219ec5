// Guard benchmark (issue 19: catch double billing and odd usage before anyone bills it). Each
// figure of the suite is one function over the same seeded database, run in turn by `benchGuard`:
// `missing_usage_ms`, then `guard_overhead_pct` and `anomalies_seconds`.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { type DatabaseHandle, replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { demoUsers, seedDemoData } from "@/db/seed";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import { listMissingUsage } from "@/lib/server/queries/missing-usage";
import {
  attachRecordPartition,
  createRecordPartition,
  indexRecordPartition,
  recordPartitionName,
} from "@/db/record-partitions";
import { storeUsageFileTotalsOfRecords } from "@/db/usage-file-totals";
import { median } from "@/lib/domain/usage-anomalies";
import { getJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { checkUsageFile } from "@/lib/server/usage-files/check-usage-file";
import { checkUsageAnomalies } from "@/lib/server/usage-files/usage-anomalies";
import { recordIdKeysOf } from "@/lib/server/usage-files/record-id-keys";
import { insertSubscriptions } from "./bench-subscriptions";
import { generateInputs } from "./generate-inputs";
import { ingest } from "./ingest";
import { reportFigure, timed } from "./report";

export interface GuardOptions {
  rows: number;
}

/** What every figure of the suite gets: the seeded database, and the options it was run with. */
interface GuardBench {
  handle: DatabaseHandle;
  options: GuardOptions;
}

const figures: ((bench: GuardBench) => Promise<void>)[] = [benchMissingUsage, benchChecks];

export async function benchGuard(options: GuardOptions): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  try {
    replaceDatabase(database.handle);
    await seedDemoData(database.handle.db);
    for (const figure of figures) await figure({ handle: database.handle, options });
  } finally {
    await stopJobQueue();
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

// ---- guard_overhead_pct and anomalies_seconds ---------------------------------------------------

const dayMs = 86_400_000;
/** The checked file's history: this many decided files of the contract, one a month before it. */
const historyFiles = 20;
/** Subscriptions the checked file and its history spread over (of the 100k the missing-usage figure inserts). */
const checkedSubscriptions = 10_000;

/**
 * A file of `rows` records (the ingest benchmark's workbook spread over 10,000 subscriptions × 5
 * items, each pair on days of its own, through upload and processing) checked against 10 × `rows`
 * records in 20 Accepted files of the contract, one per month before it, spread the same way. Runs
 * after the missing-usage figure, whose subscriptions it uses. The
 * checks (warnings and anomalies, as processing runs them) are timed again on the processed file:
 * their share of the ingest without them is the overhead. The anomalies alone are
 * `anomalies_seconds`, against the 6 months of history they read.
 */
async function benchChecks({ handle, options }: GuardBench): Promise<void> {
  const db = handle.db;
  const [template] = await db.select().from(usageFiles).where(eq(usageFiles.id, "UF-2026-10-1001-0001"));
  const historyRecords = options.rows * 10;
  for (let month = 1; month <= historyFiles; month++) {
    await insertHistoryFile(handle, template!, month, historyRecords / historyFiles, options.rows);
  }
  await handle.rows("ANALYZE");
  await getJobQueue(); // started before timing: a running server has it already

  const dir = await mkdtemp(path.join(tmpdir(), "usage-guard-bench-"));
  try {
    const xlsxPath = path.join(dir, "usage.xlsx");
    generateInputs({
      rows: options.rows,
      periodFrom: template!.periodFrom,
      periodTo: template!.periodTo,
      xlsxPath,
      csvPath: path.join(dir, "usage.csv"),
      subscriptions: checkedSubscriptions,
    });
    const checkedId = "UF-2026-10-9300-0100";
    const ingested = await timed(() => ingest(db, template!, checkedId, xlsxPath, options.rows));
    const [checked] = await db.select().from(usageFiles).where(eq(usageFiles.id, checkedId));
    const checks = await timed(() => db.transaction((tx) => checkUsageFile(tx, { ...checked!, submitted: false })));
    const anomalies = await timed(() => db.transaction((tx) => checkUsageAnomalies(tx, checked!)));
    const details = {
      rows: options.rows,
      history_records: historyRecords,
      history_files: historyFiles,
      subscription_item_pairs: checkedSubscriptions * 5,
    };
    reportFigure("guard_overhead_pct", (100 * checks.seconds) / (ingested.seconds - checks.seconds), {
      ...details,
      ingest_seconds: ingested.seconds,
      checks_seconds: checks.seconds,
      warnings: checks.result.warningCounts,
    });
    reportFigure("anomalies_seconds", anomalies.seconds, { ...details, anomalies: anomalies.result });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * An Accepted file of Acme Compute `monthsBefore` the template's month, with `records` records
 * written by SQL as processing would have left them, spread like the checked file's rows
 * (bench/usage-rows.ts) with ids of its own, so none repeats the checked file's, and quantities
 * scaled so that each pair's month sums to about the checked file's (no anomaly by construction);
 * attached, indexed, totalled and its record id keys stored, as processing leaves a file.
 */
async function insertHistoryFile(
  handle: DatabaseHandle,
  template: typeof usageFiles.$inferSelect,
  monthsBefore: number,
  records: number,
  checkedRows: number,
): Promise<void> {
  const db = handle.db;
  const from = new Date(
    Date.UTC(template.periodFrom.getUTCFullYear(), template.periodFrom.getUTCMonth() - monthsBefore, 1),
  );
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const id = `UF-2026-10-9300-${String(monthsBefore).padStart(4, "0")}`;
  await db.insert(usageFiles).values({
    ...template,
    id,
    name: `History ${monthsBefore}`,
    status: "accepted",
    generation: 1,
    periodFrom: from,
    periodTo: to,
    stats: null,
    firstRecordId: null,
    lastRecordId: null,
  });
  const days = Math.round((to.getTime() - from.getTime()) / dayMs);
  await createRecordPartition(db, id, 1);
  await db.execute(sql`
    INSERT INTO ${sql.identifier(recordPartitionName(id, 1))}
      (usage_file_id, generation, row_number, record_id, item_id, subscription_id, quantity, start_time, end_time)
    SELECT ${id}, 1, n + 1, 'h' || ${monthsBefore}::int || '-' || n, 'PRD-100-001-000' || (n % 5 + 1),
      'AS-9200-' || lpad((n / 5 % ${checkedSubscriptions}::int + 1)::text, 9, '0'),
      (1 + n % 997) * ${checkedRows / records}::numeric,
      ${from.toISOString()}::timestamptz + make_interval(days => n / ${checkedSubscriptions * 5}::int % ${days}::int),
      ${from.toISOString()}::timestamptz + make_interval(days => n / ${checkedSubscriptions * 5}::int % ${days}::int + 1)
    FROM generate_series(0, ${records - 1}::int) AS n`);
  await attachRecordPartition(db, id, 1);
  await storeUsageFileTotalsOfRecords(db, { id, generation: 1 });
  await recordIdKeysOf(db, { id, generation: 1 });
  await indexRecordPartition(db, id, 1);
}
