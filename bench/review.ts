// Review benchmark (issue: distributor review and billing): status changes and the billing export
// on a file of `rows` records, each through the real use case.
import { eq } from "drizzle-orm";
import { type DatabaseHandle, replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { CsvLines } from "@/db/copy";
import {
  attachRecordPartition,
  createRecordPartition,
  indexRecordPartition,
  recordIdRange,
} from "@/db/record-partitions";
import { seedDemoData } from "@/db/seed";
import { copyUsageFileTotals } from "@/db/usage-file-totals";
import { usageFiles } from "@/db/schema";
import { parseDecimal } from "@/lib/domain/decimal";
import type { Result } from "@/lib/domain/errors";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import { recordCopyColumns, writeRecordCopyRow } from "@/lib/server/usage-files/ingest/record-copy-rows";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { UsageTotals } from "@/lib/server/usage-files/ingest/usage-totals";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { gridPageP95 } from "./grid-pages";
import { recordByIdP95, recordsAcrossFilesP95 } from "./record-api";
import { measureApart } from "./apart";
import { reportFigure, timed } from "./report";
import { reconciliationSheet } from "./reconciliation";
import { distributor, vendor } from "./review-actors";
import { uploadedWorkbook } from "./spreadsheet-downloads";

const templateFileId = "UF-2026-10-1001-0002";
export const benchFileId = "UF-2026-10-9100-0001";
const dayMs = 86_400_000;

export async function benchReview({ rows }: { rows: number }): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  try {
    replaceDatabase(database.handle);
    await seedDemoData(database.handle.db);
    await seedReadyFile(database.handle, rows);
    const details = { rows };

    reportFigure("transition_submit_ms", await millis(() => submitUsageFile(vendor, benchFileId)), details);
    const [submitted] = await database.handle.db.select().from(usageFiles).where(eq(usageFiles.id, benchFileId));
    reportFigure("grid_page_p95_ms", await gridPageP95(database.handle.db, distributor, submitted!), {
      ...details,
      requests: 200,
    });
    reportFigure(
      "transition_reject_ms",
      await millis(() => rejectUsageFile(distributor, benchFileId, { rejectionNote: "Bench" })),
      details,
    );
    // Back to Pending without a re-upload, which is the ingest benchmark's business.
    await database.handle.db.update(usageFiles).set({ status: "pending" }).where(eq(usageFiles.id, benchFileId));
    reportFigure(
      "transition_accept_ms",
      await millis(() => acceptUsageFile(distributor, benchFileId, { acceptanceNote: "Bench" })),
      details,
    );

    const [accepted] = await database.handle.db.select().from(usageFiles).where(eq(usageFiles.id, benchFileId));
    reportFigure("record_by_id_p95_ms", await recordByIdP95(distributor, accepted!), { ...details, requests: 200 });
    reportFigure("records_across_files_p95_ms", await recordsAcrossFilesP95(distributor, accepted!), {
      ...details,
      requests: 100,
    });

    // Each memory figure from a process of its own (bench/apart.ts).
    const url = database.handle.url;
    const exported = await measureApart("export-csv", url, [benchFileId, String(rows)]);
    reportFigure("export_csv_seconds", exported.seconds, details);
    reportFigure("export_peak_rss_mb", exported.peakRssMb, details);
    const exportedXlsx = await measureApart("export-xlsx", url, [benchFileId]);
    reportFigure("export_xlsx_seconds", exportedXlsx.seconds, details);
    reportFigure("export_xlsx_peak_rss_mb", exportedXlsx.peakRssMb, details);
    await benchProcessedWorkbook(url, rows, { from: accepted!.periodFrom, to: accepted!.periodTo });
    await benchReconciliation(database.handle, rows);

    const close = () =>
      closeUsageFile(distributor, benchFileId, {
        externalBillingId: "INV-BENCH",
        externalBillingNote: "all remaining",
      });
    reportFigure("transition_close_ms", await millis(close), details);
  } finally {
    await stopJobQueue();
    await database.handle.close();
    await database.drop();
  }
}

/**
 * A reconciliation sheet closing every record, each with its own billing id; the file closes
 * afterwards all the same (its file-level reference then applies to no record).
 */
async function benchReconciliation(handle: DatabaseHandle, rows: number): Promise<void> {
  const sheet = await reconciliationSheet(handle.db, benchFileId, rows);
  try {
    const reconciled = await measureApart("reconcile", handle.url, [benchFileId, sheet.path, String(rows)]);
    reportFigure("reconcile_seconds", reconciled.seconds, { rows });
    reportFigure("reconcile_peak_rss_mb", reconciled.peakRssMb, { rows });
  } finally {
    await sheet.remove();
  }
}

/** The processed copy of an uploaded workbook of `rows` records, as the vendor downloads it. */
async function benchProcessedWorkbook(url: string, rows: number, period: { from: Date; to: Date }): Promise<void> {
  const upload = await uploadedWorkbook(rows, period);
  try {
    const processed = await measureApart("processed-file", url, [upload.path, String(rows)]);
    reportFigure("processed_file_seconds", processed.seconds, { rows });
    reportFigure("processed_file_peak_rss_mb", processed.peakRssMb, { rows });
  } finally {
    await upload.remove();
  }
}

async function millis(action: () => Promise<Result<unknown>>): Promise<number> {
  const { result, seconds } = await timed(action);
  if (!result.ok) throw new Error(result.message);
  return seconds * 1000;
}

/** A Ready file of `rows` valid records, COPYed straight into its partition as processing would write them. */
export async function seedReadyFile(handle: DatabaseHandle, rows: number): Promise<void> {
  const db = handle.db;
  const [template] = await db.select().from(usageFiles).where(eq(usageFiles.id, templateFileId));
  await db.insert(usageFiles).values({
    ...template!,
    id: benchFileId,
    name: "Benchmark review",
    status: "ready",
    generation: 1,
    stats: null,
    firstRecordId: null,
    lastRecordId: null,
  });
  const partition = await createRecordPartition(db, benchFileId, 1);
  const writer = await handle.copyInto(partition, recordCopyColumns);
  const totals = new UsageTotals();
  const days = Math.round((template!.periodTo.getTime() - template!.periodFrom.getTime()) / dayMs);
  const lines = new CsvLines();
  for (let index = 0; index < rows; index++) {
    const start = template!.periodFrom.getTime() + (index % days) * dayMs;
    const record: ValidatedRecord = {
      rowNumber: index + 2,
      recordId: `r${index + 1}`,
      note: index % 50 === 0 ? "=includes a migration job" : null,
      itemId: `PRD-100-001-000${(index % 5) + 1}`,
      subscriptionId: `AS-1000-010${String((index % 11) + 1).padStart(2, "0")}`,
      quantity: parseDecimal(`${1 + (index % 997)}.${index % 100}`)!,
      startTime: start,
      endTime: start + dayMs,
      amount: null,
      tier: null,
      categoryId: null,
      params: null,
      errors: null,
    };
    totals.add(record);
    writeRecordCopyRow(lines, benchFileId, 1, record, null);
    if (lines.byteLength > 4_000_000) await writer.write(lines.take());
  }
  await writer.write(lines.take());
  await writer.finish();
  await attachRecordPartition(db, benchFileId, 1);
  await copyUsageFileTotals(handle, { id: benchFileId, generation: 1 }, totals.subscriptionItemTotals());
  await db
    .update(usageFiles)
    .set({ stats: totals.stats(), ...(await recordIdRange(db, benchFileId, 1)) })
    .where(eq(usageFiles.id, benchFileId));
  // What the index job does once a file has its outcome.
  await indexRecordPartition(db, benchFileId, 1);
}
