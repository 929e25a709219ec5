// Ingest benchmark (issue: usage spreadsheets in): a generated workbook and CSV through the real
// upload → Ready path, and the naive path (exceljs streaming reader + multi-row INSERT) as baseline.
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { type Database, replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { seedDemoData, demoUsers } from "@/db/seed";
import { usageFiles, usageRecords, type UsageFile } from "@/db/schema";
import { mapRecordHeader } from "@/lib/domain/record-header";
import { createRecordValidator } from "@/lib/domain/record-rules";
import { formatSheetTime } from "@/lib/domain/sheet-time";
import { getJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { loadCatalogIndex } from "@/lib/server/usage-files/catalog-index";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { openRecordPartition, recordIdRange } from "@/db/record-partitions";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import { generateInputs } from "./generate-inputs";
import { reportFigure, timed, withPeakRss } from "./report";

const templateFileId = "UF-2026-10-1001-0001";
const vendor = demoUsers.find((u) => u.email === "vendor@acme.test")!;
const actor = { userId: vendor.id, accountId: vendor.accountId, role: vendor.role };

export async function benchIngest({ rows }: { rows: number }): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  const dir = await mkdtemp(path.join(tmpdir(), "usage-bench-"));
  try {
    replaceDatabase(database.handle);
    const db = database.handle.db;
    await seedDemoData(db);
    await getJobQueue(); // started before timing: a running server has it already
    const template = (await db.select().from(usageFiles).where(eq(usageFiles.id, templateFileId)))[0]!;

    const xlsxPath = path.join(dir, "usage.xlsx");
    const csvPath = path.join(dir, "usage.csv");
    generateInputs({ rows, periodFrom: template.periodFrom, periodTo: template.periodTo, xlsxPath, csvPath });

    const measured = await withPeakRss(async () => ({
      xlsx: await timed(() => ingest(db, template, "UF-2026-10-9000-0001", xlsxPath, rows)),
      csv: await timed(() => ingest(db, template, "UF-2026-10-9000-0002", csvPath, rows)),
    }));
    const naive = await timed(() => naiveIngest(db, template, "UF-2026-10-9000-0003", xlsxPath, rows));

    const details = { rows };
    reportFigure("ingest_xlsx_seconds", measured.result.xlsx.seconds, details);
    reportFigure("ingest_csv_seconds", measured.result.csv.seconds, details);
    reportFigure("ingest_peak_rss_mb", measured.peakRssMb, details);
    reportFigure("ingest_naive_xlsx_seconds", naive.seconds, details);
    reportFigure("ingest_speedup_vs_naive", naive.seconds / measured.result.xlsx.seconds, details);
  } finally {
    await stopJobQueue();
    await database.handle.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function newDraft(db: Database, template: UsageFile, id: string): Promise<void> {
  await db.insert(usageFiles).values({
    ...template,
    id,
    name: `Benchmark ${id}`,
    status: "draft",
    generation: 0,
    stats: null,
    firstRecordId: null,
    lastRecordId: null,
  });
}

/** The real path: upload (stored in the database), then the processing job, to Ready. */
export async function ingest(
  db: Database,
  template: UsageFile,
  id: string,
  filePath: string,
  rows: number,
): Promise<void> {
  await newDraft(db, template, id);
  const uploaded = await uploadUsageFile(actor, id, {
    fileName: path.basename(filePath),
    content: createReadStream(filePath),
  });
  if (!uploaded.ok) throw new Error(uploaded.message);
  await processUsageFile(id);
  const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, id));
  if (file?.status !== "ready" || file.stats?.records !== rows) {
    throw new Error(
      `${id} ended ${file?.status} with ${file?.stats?.records} records: ${JSON.stringify(file?.errorDetail)}`,
    );
  }
}

/** The baseline: exceljs's streaming reader, the same validation, and INSERTs of 1,000 rows. */
async function naiveIngest(
  db: Database,
  template: UsageFile,
  id: string,
  filePath: string,
  rows: number,
): Promise<void> {
  await newDraft(db, template, id);
  await openRecordPartition(db, id, 1);
  const catalog = await loadCatalogIndex(db, template, new Set());
  let validate: ReturnType<typeof createRecordValidator> | null = null;
  let batch: (typeof usageRecords.$inferInsert)[] = [];
  let inserted = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: "cache",
    styles: "cache",
    worksheets: "emit",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!validate) {
        const header = mapRecordHeader(values, catalog.schema);
        if (!header.ok) throw new Error("bad header");
        validate = createRecordValidator(catalog, header.columns);
        continue;
      }
      const record = validate(row.number, values);
      batch.push({
        usageFileId: id,
        generation: 1,
        rowNumber: record.rowNumber,
        recordId: record.recordId,
        note: record.note,
        itemId: record.itemId,
        subscriptionId: record.subscriptionId,
        quantity: record.quantity,
        startTime: record.startTime === null ? null : new Date(record.startTime),
        endTime: record.endTime === null ? null : new Date(record.endTime),
        errors: record.errors,
      });
      if (batch.length === 1000) {
        await db.insert(usageRecords).values(batch);
        inserted += batch.length;
        batch = [];
      }
    }
  }
  if (batch.length > 0) await db.insert(usageRecords).values(batch);
  inserted += batch.length;
  if (inserted !== rows) throw new Error(`naive path inserted ${inserted} of ${rows}`);
  await db
    .update(usageFiles)
    .set({ status: "ready", generation: 1, ...(await recordIdRange(db, id, 1)) })
    .where(eq(usageFiles.id, id));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatSheetTime(value.getTime());
  return String(value).trim();
}
