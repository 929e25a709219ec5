import { and, desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { events } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { openWorkbook, type UsageWorkbook } from "@/lib/server/spreadsheet/reader";
import { withTestDatabase } from "@/test/db";
import { rowsByGeneration, uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, uploadOf, validRow, xlsxOf } from "@/test/usage-workbooks";
import { failProcessing, processUsageFile } from "./process-usage-file";
import { uploadUsageFile } from "./upload-usage-file";

// The reader as it is, wrapped so that a test can make one opened workbook fail part-way.
vi.mock("@/lib/server/spreadsheet/reader", async (importOriginal) => {
  const reader = await importOriginal<typeof import("@/lib/server/spreadsheet/reader")>();
  return { ...reader, openWorkbook: vi.fn(reader.openWorkbook) };
});
const { openWorkbook: readWorkbook } = await vi.importActual<typeof import("@/lib/server/spreadsheet/reader")>(
  "@/lib/server/spreadsheet/reader",
);

const database = withTestDatabase();

// A processing attempt can die part-way: a disk error while reading, the database going away, the
// worker being killed. The job is then retried (lib/server/jobs), and past its retries given up.

/** Enough rows for the reader to hand them over in three batches (of 1,000). */
const recordCount = 2_500;
const recordIds = Array.from({ length: recordCount }, (_, index) => `big-${String(index + 1).padStart(4, "0")}`);

async function fileWithEarlierRecords() {
  const db = database.handle.db;
  await seedDemoData(db);
  const earlier = await xlsxOf({ records: [[...recordsHeader], validRow("earlier-1"), validRow("earlier-2", "3", 1)] });
  expect((await uploadAndProcess(db, acmeDraftFileId, "earlier.xlsx", earlier)).status).toBe("ready");
  const records = await visibleRecords(db, acmeDraftFileId);
  expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 2 }, categories: {} });
  return records;
}

async function uploadBigWorkbook(): Promise<void> {
  const rows = recordIds.map((recordId, index) => validRow(recordId, "0.5", index % 28));
  const workbook = await xlsxOf({ records: [[...recordsHeader], ...rows] });
  const uploaded = await uploadUsageFile(acmeVendor, acmeDraftFileId, uploadOf("big.xlsx", workbook));
  expect(uploaded.ok).toBe(true);
}

async function expectBigWorkbookLoadedOnce(): Promise<void> {
  const db = database.handle.db;
  const file = await usageFileRow(db, acmeDraftFileId);
  expect(file).toMatchObject({ status: "ready", generation: 2, errorDetail: null, progressPercent: 100 });
  expect(file.stats).toMatchObject({ records: recordCount, valid: recordCount, byItem: [{ quantity: "1250" }] });
  expect((await visibleRecords(db, acmeDraftFileId)).map((r) => r.recordId)).toEqual(recordIds);
  expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 2: recordCount }, categories: {} });
}

/** The next workbook opened yields `batches` batches of its records sheet, then fails as a disk would. */
function failReadingAfter(batches: number): Error {
  const diskError = Object.assign(new Error("EIO: i/o error, read"), { errno: -5, code: "EIO", syscall: "read" });
  vi.mocked(openWorkbook).mockImplementationOnce(async (...args) =>
    failingPartWay(await readWorkbook(...args), batches, diskError),
  );
  return diskError;
}

function failingPartWay(workbook: UsageWorkbook, goodBatches: number, error: Error): UsageWorkbook {
  return {
    sheetNames: workbook.sheetNames,
    get progress() {
      return workbook.progress;
    },
    async *rows(sheetName, batchSize) {
      let yielded = 0;
      for await (const batch of workbook.rows(sheetName, batchSize)) {
        if (sheetName === "records" && yielded === goodBatches) throw error;
        yielded++;
        yield batch;
      }
    },
    close: () => workbook.close(),
  };
}

/** Makes the database refuse to point a file at new records: the attempt dies after its COPY. */
async function failTheGenerationSwap(): Promise<void> {
  await database.handle.rows(`
    CREATE OR REPLACE FUNCTION refuse_generation_swap() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'simulated crash: connection lost'; END $$`);
  await database.handle.rows(`
    CREATE OR REPLACE TRIGGER refuse_generation_swap BEFORE UPDATE ON usage_files FOR EACH ROW
    WHEN (NEW.generation IS DISTINCT FROM OLD.generation) EXECUTE FUNCTION refuse_generation_swap()`);
}

/** Makes the database refuse one record of the big workbook in its COPY, as it refused a NUL (issue 13). */
async function refuseOneRecord(): Promise<void> {
  await database.handle.rows(
    `ALTER TABLE usage_records ADD CONSTRAINT refuse_one_record CHECK (record_id <> 'big-2000')`,
  );
}

/** Drizzle reports the failed statement; the database's own message is its cause. */
const simulatedCrash = expect.stringContaining("simulated crash");

afterEach(async () => {
  vi.mocked(openWorkbook).mockReset();
  await database.handle.rows("DROP TRIGGER IF EXISTS refuse_generation_swap ON usage_files");
  await database.handle.rows("ALTER TABLE usage_records DROP CONSTRAINT IF EXISTS refuse_one_record");
});

describe("processing that dies part-way", () => {
  it("keeps the earlier records through a read failure, and the retry loads every record once", async () => {
    const db = database.handle.db;
    const earlier = await fileWithEarlierRecords();
    await uploadBigWorkbook();
    const diskError = failReadingAfter(1);

    await expect(processUsageFile(acmeDraftFileId)).rejects.toBe(diskError);

    // Not the vendor's fault, so not Invalid: the file waits for the retry, showing what it showed.
    // The attempt's own records table stays behind, unattached so unseen, and empty: its COPY was abandoned.
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "processing", generation: 1 });
    expect(await visibleRecords(db, acmeDraftFileId)).toEqual(earlier);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 2, 2: 0 }, categories: {} });

    await processUsageFile(acmeDraftFileId);

    await expectBigWorkbookLoadedOnce();
  });

  it("fails with the database's reason when the COPY of the records is refused, and is never Ready", async () => {
    const db = database.handle.db;
    const earlier = await fileWithEarlierRecords();
    await uploadBigWorkbook();
    await refuseOneRecord();

    await expect(processUsageFile(acmeDraftFileId)).rejects.toThrow(/violates check constraint "refuse_one_record"/);

    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "processing", generation: 1 });
    expect(await visibleRecords(db, acmeDraftFileId)).toEqual(earlier);
    expect((await rowsByGeneration(db, acmeDraftFileId)).records[2]).toBe(0);

    await database.handle.rows("ALTER TABLE usage_records DROP CONSTRAINT refuse_one_record");
    await processUsageFile(acmeDraftFileId);

    await expectBigWorkbookLoadedOnce();
  });

  it("removes the records an attempt left behind when the retry loads the file", async () => {
    const db = database.handle.db;
    const earlier = await fileWithEarlierRecords();
    await uploadBigWorkbook();
    await failTheGenerationSwap();

    await expect(processUsageFile(acmeDraftFileId)).rejects.toHaveProperty("cause.message", simulatedCrash);

    // The attempt's records were loaded and are left over, unseen: the file still shows the earlier ones.
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "processing", generation: 1 });
    expect(await visibleRecords(db, acmeDraftFileId)).toEqual(earlier);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 2, 2: recordCount }, categories: {} });

    await database.handle.rows("DROP TRIGGER refuse_generation_swap ON usage_files");
    await processUsageFile(acmeDraftFileId);

    await expectBigWorkbookLoadedOnce();
  });

  it("gives up on a file whose processing keeps failing: Invalid, with the earlier records and nothing left over", async () => {
    const db = database.handle.db;
    const earlier = await fileWithEarlierRecords();
    await uploadBigWorkbook();
    await failTheGenerationSwap();

    for (let attempt = 1; attempt <= 3; attempt++) {
      await expect(processUsageFile(acmeDraftFileId)).rejects.toHaveProperty("cause.message", simulatedCrash);
      // Each attempt starts by clearing the one before, so failed attempts do not pile up.
      expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({
        records: { 1: 2, 2: recordCount },
        categories: {},
      });
    }
    await failProcessing(acmeDraftFileId, "the server could not read this file.");

    const file = await usageFileRow(db, acmeDraftFileId);
    expect(file).toMatchObject({ status: "invalid", generation: 1 });
    expect(file.errorDetail).toEqual({
      kind: "workbook",
      errors: [
        {
          code: "unreadable_workbook",
          message: "Processing failed: the server could not read this file. Please upload the file again.",
          row: null,
          column: null,
        },
      ],
    });
    expect(await visibleRecords(db, acmeDraftFileId)).toEqual(earlier);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 2 }, categories: {} });
    const [lastEvent] = await db
      .select()
      .from(events)
      .where(and(eq(events.objectId, acmeDraftFileId), eq(events.action, "fail_processing")))
      .orderBy(desc(events.id))
      .limit(1);
    expect(lastEvent).toMatchObject({
      actorUserId: null,
      details: { status: "invalid", reason: expect.stringContaining("Processing failed") },
    });

    // A retry still in flight when the file was given up finds it Invalid and leaves it so.
    await database.handle.rows("DROP TRIGGER refuse_generation_swap ON usage_files");
    await processUsageFile(acmeDraftFileId);
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ status: "invalid", generation: 1 });
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 2 }, categories: {} });
  });
});
