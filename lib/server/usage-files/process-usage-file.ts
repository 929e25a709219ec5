import "server-only";
import { and, eq, gte, lt } from "drizzle-orm";
import { getDatabase, withAdvisoryLock, type Database, type DatabaseHandle } from "@/db/client";
import {
  categories as categoriesTable,
  usageFiles,
  usageFileTotals,
  usageRecordWarnings,
  usageFileAnomalies,
  usageRecordIdKeys,
  type UsageFile,
} from "@/db/schema";
import type { ErrorDetail } from "@/lib/domain/error-detail";
import { mergeErrorSummaries, summarizeErrors, type RecordError, type SheetError } from "@/lib/domain/record-errors";
import { withRecordsMadeInvalid } from "@/lib/domain/usage-stats";
import { cellsByColumn, mapRecordHeader } from "@/lib/domain/record-header";
import { createRecordValidator, type ValidatedRecord } from "@/lib/domain/record-rules";
import { categorySheetName, findSheet, recordSheetNames } from "@/lib/domain/usage-sheet";
import { indexUsageRecordsJob, jobSender } from "@/lib/server/jobs/queue";
import { openWorkbook, WorkbookError, type SheetRow, type UsageWorkbook } from "@/lib/server/spreadsheet/reader";
import { copyStoredFileToTemp, deleteSupersededUploads, getStoredFile } from "@/lib/server/storage/stored-files";
import { uploadLimits } from "@/lib/server/usage-files/upload-limits";
import { loadCatalogIndex } from "./catalog-index";
import { readCategories, type CategoryRow } from "./ingest/read-categories";
import { recordCopyColumns, writeRecordCopyRow } from "./ingest/record-copy-rows";
import { CsvLines } from "@/db/copy";
import {
  attachRecordPartition,
  createRecordPartition,
  analyzeRecordPartition,
  dropRecordPartitions,
  recordIdRange,
  storedRecordCount,
} from "@/db/record-partitions";
import { copyUsageFileTotals, storeUsageFileTotalsOfRecords } from "@/db/usage-file-totals";
import { UsageTotals } from "./ingest/usage-totals";
import { RecordIdKeyList, recordIdKey, SeenRecordIds } from "@/lib/domain/record-id-keys";
import { copyRecordIdKeys } from "./record-id-keys";
import { transitionUsageFile } from "./transition-usage-file";
import { lastRejectionOf } from "@/lib/server/queries/usage-file-changes";
import { guardUsageFile } from "./check-usage-file";
import { markRepeatedRecordIds } from "./repeated-record-ids";
import type { RecordsMadeInvalid } from "./records-made-invalid";

/** A workbook that cannot be read as usage records at all; the previous records stay. */
class UnusableWorkbook extends Error {
  constructor(readonly errors: SheetError[]) {
    super(errors.map((e) => e.message).join(" "));
  }
}

const progressEveryMs = 1000;

/**
 * The processing job (SPEC §2: Processing → Ready or Invalid). Records are written under a new
 * generation while the previous one stays what everyone sees; one short transaction then points
 * the file at the new generation. Run again after a crash, it starts over from a clean slate.
 */
export async function processUsageFile(usageFileId: string, open: OpenWorkbook = openWorkbook): Promise<void> {
  const handle = await getDatabase();
  // A retry after a missed heartbeat can start while a stalled run still goes on: it waits for that
  // run here, then finds the file done, or starts over if the run died (its lock goes with it).
  await withAdvisoryLock(handle.url, `process-usage-file/${usageFileId}`, () =>
    processLocked(handle, usageFileId, open),
  );
}

/** How the upload is read: the project's reader, or another one the ingest benchmark measures it against. */
type OpenWorkbook = (path: string, limits: { maxRows: number }, declared: "xlsx" | "csv") => Promise<UsageWorkbook>;

async function processLocked(handle: DatabaseHandle, usageFileId: string, open: OpenWorkbook): Promise<void> {
  const file = await claimForProcessing(handle.db, usageFileId);
  if (!file?.uploadedFileId) return;
  const generation = file.generation + 1;
  await discardGenerations(handle.db, file.id, "from", generation);

  const upload = await getStoredFile(handle.db, file.uploadedFileId);
  if (!upload) throw new Error(`Usage file ${file.id} points at a missing upload ${file.uploadedFileId}`);
  const temp = await copyStoredFileToTemp(handle.db, upload.id, upload.fileName);
  try {
    const declaredKind = upload.fileName.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
    const workbook = await open(temp.path, { maxRows: uploadLimits().maxRecords }, declaredKind);
    try {
      const loaded = await loadRecords(handle, file, generation, workbook);
      await finishProcessing(handle.db, file, generation, loaded);
    } finally {
      await workbook.close();
    }
  } catch (error) {
    const unusable = asUnusable(error);
    if (!unusable) throw error;
    await discardGenerations(handle.db, file.id, "from", generation);
    await failUsageFile(handle.db, file.id, unusable.errors);
  } finally {
    await temp.remove();
  }
}

function asUnusable(error: unknown): UnusableWorkbook | null {
  if (error instanceof UnusableWorkbook) return error;
  if (error instanceof WorkbookError) {
    return new UnusableWorkbook([{ code: "unreadable_workbook", message: error.message, row: null, column: null }]);
  }
  return null;
}

/** Uploading → Processing; a retried job finds its file already Processing and starts again. */
async function claimForProcessing(db: Database, id: string): Promise<UsageFile | null> {
  return db.transaction((tx) =>
    transitionUsageFile(tx, {
      usageFileId: id,
      action: "start_processing",
      actor: null,
      set: { progressRows: 0, progressPercent: 0 },
    }),
  );
}

/** What a file keeps per generation beside its records' partitions: categories, totals, warnings, anomalies, id keys. */
const generationTables = [categoriesTable, usageFileTotals, usageRecordWarnings, usageFileAnomalies, usageRecordIdKeys];

/**
 * Removes the records (with their categories, totals and warnings) of other generations than the
 * visible one: "from" the new generation on, what an unfinished attempt left; "before" it, what a
 * finished upload replaced, except the records of the generation the file's last rejection judged:
 * the next review is compared with them (issue 21).
 */
async function discardGenerations(db: Database, usageFileId: string, side: "from" | "before", generation: number) {
  const rejected = side === "before" ? (await lastRejectionOf(db, usageFileId))?.generation : undefined;
  await dropRecordPartitions(db, usageFileId, side, generation, rejected);
  const compare = side === "from" ? gte : lt;
  for (const table of generationTables) {
    await db.delete(table).where(and(eq(table.usageFileId, usageFileId), compare(table.generation, generation)));
  }
}

interface LoadedRecords {
  totals: UsageTotals;
  /** The records whose record_id an earlier row uses, null when no id may repeat. */
  repeated: RecordsMadeInvalid | null;
  errorSummary: ReturnType<typeof summarizeErrors>;
  categories: CategoryRow[];
}

async function loadRecords(
  handle: DatabaseHandle,
  file: UsageFile,
  generation: number,
  workbook: UsageWorkbook,
): Promise<LoadedRecords> {
  const recordsSheet = findSheet(workbook.sheetNames, recordSheetNames);
  if (!recordsSheet) {
    throw new UnusableWorkbook([
      {
        code: "missing_records_sheet",
        message: `The workbook has no records sheet: expected a sheet named "records" or "usage_records", found ${workbook.sheetNames.map((n) => `"${n}"`).join(", ") || "none"}.`,
        row: null,
        column: null,
      },
    ]);
  }
  const categoriesRead = await readCategories(workbook, findSheet(workbook.sheetNames, [categorySheetName]));
  if (!categoriesRead.ok) throw new UnusableWorkbook(categoriesRead.errors);
  const categories = [...new Map(categoriesRead.categories.map((c) => [c.categoryId, c])).values()];
  const catalog = await loadCatalogIndex(handle.db, file, new Set(categories.map((c) => c.categoryId)));

  const totals = new UsageTotals();
  const recordIdKeys = new RecordIdKeyList();
  const seenRecordIds = new SeenRecordIds();
  let mayRepeat = false;
  let repeated: RecordsMadeInvalid | null = null;
  const errorSummary = summarizeErrors();
  const partition = await createRecordPartition(handle.db, file.id, generation);
  const writer = await handle.copyInto(partition, recordCopyColumns);
  const progress = progressReporter(handle.db, file.id);
  let reader: RecordReader | null = null;
  try {
    const lines = new CsvLines();
    for await (const batch of workbook.rows(recordsSheet)) {
      for (const row of batch) {
        if (!reader) {
          reader = recordReader(row, catalog);
          continue;
        }
        const record = reader.validate(row);
        totals.add(record);
        const key = recordIdKey(record.recordId);
        recordIdKeys.addKey(key);
        // Its cells are kept, as an invalid record's are, in case the id does repeat an earlier row's.
        const maybeRepeated = record.recordId !== "" && seenRecordIds.addAndCheck(key);
        mayRepeat ||= maybeRepeated;
        if (record.errors) errorSummary.add(record.rowNumber, record.errors);
        const keepCells = record.errors !== null || maybeRepeated;
        writeRecordCopyRow(lines, file.id, generation, record, keepCells ? reader.cellsOf(row) : null);
      }
      await writer.write(lines.take());
      await progress(totals.count, workbook.progress);
    }
    if (totals.count === 0) {
      throw new UnusableWorkbook([
        {
          code: "no_records",
          message: "The records sheet has no records below its header row.",
          row: null,
          column: null,
        },
      ]);
    }
    await writer.finish();
    if (mayRepeat) repeated = await markRepeatedRecordIds(handle.db, partition);
    await attachRecordPartition(handle.db, file.id, generation);
    const newGeneration = { id: file.id, generation };
    await copyRecordIdKeys(handle, newGeneration, recordIdKeys.sortedPieces());
    // The sums gathered while reading count the records a repeated id made invalid afterwards:
    // such a file's sums are taken from its records instead.
    if (repeated?.groups.length) await storeUsageFileTotalsOfRecords(handle.db, newGeneration);
    else await copyUsageFileTotals(handle, newGeneration, totals.subscriptionItemTotals());
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { totals, repeated, errorSummary, categories };
}

interface RecordReader {
  validate(row: SheetRow): ValidatedRecord;
  /** The row's cells by column name, kept for an invalid record. */
  cellsOf(row: SheetRow): Record<string, string>;
}

/** Reads the header row and returns how to read the rows below it. */
function recordReader(header: SheetRow, catalog: Parameters<typeof createRecordValidator>[0]): RecordReader {
  const mapped = mapRecordHeader(header.values, catalog.schema);
  if (!mapped.ok) throw new UnusableWorkbook(mapped.errors);
  const validateValues = createRecordValidator(catalog, mapped.columns);
  return {
    validate: (row) => withErrorsOfUnreadableCells(header, row, validateValues(row.rowNumber, row.values)),
    cellsOf: (row) => cellsByColumn(row.values, mapped.columns),
  };
}

function withErrorsOfUnreadableCells(header: SheetRow, row: SheetRow, record: ValidatedRecord): ValidatedRecord {
  if (!row.problems) return record;
  const cellErrors = row.problems.map((problem) => cellProblemError(header.values[problem.column], problem));
  // The reader's reason is such a cell's one error: what the rules made of the value left in it
  // ("" for a formula without result, "#N/A" for an error) would contradict it.
  const unreadable = new Set(row.problems.map((problem) => header.values[problem.column]?.trim().toLowerCase()));
  const ruleErrors = (record.errors ?? []).filter((error) => !unreadable.has(error.column));
  return { ...record, errors: [...ruleErrors, ...cellErrors] };
}

function cellProblemError(columnName: string | undefined, problem: { column: number; message: string }): RecordError {
  return {
    column: columnName || `column ${problem.column + 1}`,
    code: "unreadable_cell",
    message: problem.message,
  };
}

function progressReporter(db: Database, usageFileId: string) {
  let lastReport = Date.now();
  return async (rows: number, fraction: number) => {
    if (Date.now() - lastReport < progressEveryMs) return;
    lastReport = Date.now();
    // 99 at most: 100 means the records are in and the file has its outcome.
    const percent = Math.min(99, Math.floor(fraction * 100));
    await db
      .update(usageFiles)
      .set({ progressRows: rows, progressPercent: percent })
      .where(eq(usageFiles.id, usageFileId));
  };
}

/** Processing → Ready or Invalid, pointing the file at its new records in one transaction. */
async function finishProcessing(db: Database, file: UsageFile, generation: number, loaded: LoadedRecords) {
  const enqueueIndexing = await jobSender(indexUsageRecordsJob);
  await db.transaction(async (tx) => {
    const read = loaded.totals.stats();
    await expectEveryRecordStored(tx, file.id, generation, read.records);
    await analyzeRecordPartition(tx, file.id, generation);
    const { blocked, ...checks } = await guardUsageFile(tx, { ...file, generation, submitted: false });
    const madeInvalid = [loaded.repeated, blocked].filter((moved) => moved !== null);
    const stats = madeInvalid.reduce((sofar, moved) => withRecordsMadeInvalid(sofar, moved.groups), read);
    const errors = madeInvalid.reduce(
      (sofar, moved) => mergeErrorSummaries(sofar, moved.summary),
      loaded.errorSummary.summary(),
    );
    const valid = stats.invalid === 0;
    const errorDetail: ErrorDetail | null = valid ? null : { kind: "records", summary: errors };
    if (loaded.categories.length > 0) {
      await tx
        .insert(categoriesTable)
        .values(loaded.categories.map((c) => ({ ...c, usageFileId: file.id, generation })));
    }
    const updated = await transitionUsageFile(tx, {
      usageFileId: file.id,
      action: valid ? "finish_valid" : "finish_invalid",
      actor: null,
      set: {
        generation,
        // The ids finding a record by id looks for among the files (lib/server/queries/usage-records.ts).
        ...(await recordIdRange(tx, file.id, generation)),
        stats,
        ...checks,
        errorDetail,
        progressRows: stats.records,
        progressPercent: 100,
      },
      details: { status: valid ? "ready" : "invalid", records: stats.records, invalid: stats.invalid },
    });
    if (!updated) throw new Error(`Usage file ${file.id} left Processing while its records were being read`);
    await enqueueIndexing(tx, { usageFileId: file.id, generation });
  });
  await discardGenerations(db, file.id, "before", generation);
  await deleteSupersededUploads(db, file.id, file.uploadedFileId!);
}

/**
 * The records read must all be stored before the file gets its outcome: a load that lost some
 * would otherwise be Ready with stats counting records it does not hold (issue 13). The failed job
 * is logged and retried by the worker, which gives the file up as Invalid after the last retry.
 */
async function expectEveryRecordStored(tx: Database, usageFileId: string, generation: number, read: number) {
  const stored = await storedRecordCount(tx, usageFileId, generation);
  if (stored !== read) {
    throw new Error(
      `Usage file ${usageFileId}: ${read} records were read but ${stored} stored; it stays in Processing.`,
    );
  }
}

/** Gives up on a file whose processing kept failing, so that no file stays in Processing. */
export async function failProcessing(usageFileId: string, reason: string): Promise<void> {
  const { db } = await getDatabase();
  await discardGenerations(db, usageFileId, "from", (await currentGeneration(db, usageFileId)) + 1);
  await failUsageFile(db, usageFileId, [
    {
      code: "unreadable_workbook",
      message: `Processing failed: ${reason} Please upload the file again.`,
      row: null,
      column: null,
    },
  ]);
}

async function currentGeneration(db: Database, usageFileId: string): Promise<number> {
  const [file] = await db
    .select({ generation: usageFiles.generation })
    .from(usageFiles)
    .where(eq(usageFiles.id, usageFileId));
  return file?.generation ?? 0;
}

/** Processing → Invalid with why; the visible generation, and so the previous records, stay. */
async function failUsageFile(db: Database, usageFileId: string, errors: SheetError[]): Promise<void> {
  await db.transaction((tx) =>
    transitionUsageFile(tx, {
      usageFileId,
      action: "fail_processing",
      actor: null,
      set: { errorDetail: { kind: "workbook", errors }, progressPercent: 100 },
      details: { status: "invalid", reason: errors.map((e) => e.message).join(" ") },
    }),
  );
}
