// Ingest benchmark (issue: usage spreadsheets in): a generated workbook and CSV through the real
// upload → Ready path, and two baselines: the same path reading the workbook with exceljs's streaming
// reader (what the hand-written reader gains), and the naive path (exceljs + multi-row INSERT).
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
import { getJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { loadCatalogIndex } from "@/lib/server/usage-files/catalog-index";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { openRecordPartition, recordIdRange } from "@/db/record-partitions";
import { deleteUsageFile } from "@/lib/server/usage-files/delete-usage-file";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import { cellText, ExceljsWorkbook } from "./exceljs-workbook";
import { insertSubscriptions } from "./bench-subscriptions";
import { defaultReadLimits } from "@/lib/server/spreadsheet/reader/types";
import { generateInputs } from "./generate-inputs";
import { subscriptionsApart } from "./usage-rows";
import { reportRuns, timed, withPeakRss } from "./report";

const templateFileId = "UF-2026-10-1001-0001";
const vendor = demoUsers.find((u) => u.email === "vendor@acme.test")!;
const actor = { userId: vendor.id, accountId: vendor.accountId, role: vendor.role };

/** Each run ingests four files: the xlsx and CSV through the real path, and the two baselines. */
const filesPerRun = 4;
const fileId = (run: number, file: number) => `UF-2026-10-9000-${String(run * filesPerRun + file).padStart(4, "0")}`;

export async function benchIngest({
  rows,
  runs,
  skipNaive,
}: {
  rows: number;
  runs: number;
  skipNaive: boolean;
}): Promise<void> {
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
    // Usage as a real file has it: no subscription and item with overlapping windows, which the
    // guard would otherwise warn of a million times (bench/usage-rows.ts).
    const subscriptions = subscriptionsApart(rows, template.periodFrom, template.periodTo);
    await insertSubscriptions(database.handle, subscriptions);
    const period = { periodFrom: template.periodFrom, periodTo: template.periodTo };
    // A workbook of more rows than it may hold different texts (each record id is one) is refused:
    // past that, as for the 5M-row figure, the suite measures the CSV alone.
    const withXlsx = rows <= defaultReadLimits.maxSharedStrings;
    generateInputs({ rows, ...period, xlsxPath: withXlsx ? xlsxPath : null, csvPath, subscriptions });

    const figures = new Map<string, number[]>();
    const add = (figure: string, value: number) => figures.set(figure, [...(figures.get(figure) ?? []), value]);
    for (let run = 0; run < runs; run++) {
      const measured = await withPeakRss(async () => ({
        xlsx: withXlsx ? await timedAndRetired(fileId(run, 1), (id) => ingest(db, template, id, xlsxPath, rows)) : null,
        csv: await timedAndRetired(fileId(run, 2), (id) => ingest(db, template, id, csvPath, rows)),
      }));
      if (measured.result.xlsx !== null) add("ingest_xlsx_seconds", measured.result.xlsx);
      add("ingest_csv_seconds", measured.result.csv);
      add("ingest_peak_rss_mb", measured.peakRssMb);
    }
    // The baselines after every real run, so that exceljs's garbage does not count in their memory.
    for (let run = 0; withXlsx && run < runs; run++) {
      const exceljsCopy = await timedAndRetired(fileId(run, 3), (id) =>
        ingest(db, template, id, xlsxPath, rows, (filePath) => ExceljsWorkbook.open(filePath)),
      );
      add("ingest_exceljs_copy_seconds", exceljsCopy);
      if (skipNaive) continue;
      const naive = await timedAndRetired(fileId(run, 4), (id) => naiveIngest(db, template, id, xlsxPath, rows));
      add("ingest_naive_xlsx_seconds", naive);
      add("ingest_speedup_vs_naive", naive / figures.get("ingest_xlsx_seconds")![run]!);
    }
    for (const [figure, values] of figures) reportRuns(figure, values, { rows });
  } finally {
    await stopJobQueue();
    await database.handle.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Seconds `work` takes to ingest file `id`; the file is then deleted, untimed. Every file holds the
 * same generated record ids: a live one would have the next ingest write a million warnings of
 * record ids used in another file, which is not what a vendor's upload meets.
 */
async function timedAndRetired(id: string, work: (id: string) => Promise<void>): Promise<number> {
  const { seconds } = await timed(() => work(id));
  const deleted = await deleteUsageFile(actor, id);
  if (!deleted.ok) throw new Error(deleted.message);
  return seconds;
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

/** The real path: upload (stored in the database), then the processing job (with `open`'s reader), to Ready. */
export async function ingest(
  db: Database,
  template: UsageFile,
  id: string,
  filePath: string,
  rows: number,
  open?: Parameters<typeof processUsageFile>[1],
): Promise<void> {
  await newDraft(db, template, id);
  const uploaded = await uploadUsageFile(actor, id, {
    fileName: path.basename(filePath),
    content: createReadStream(filePath),
  });
  if (!uploaded.ok) throw new Error(uploaded.message);
  await processUsageFile(id, open);
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
