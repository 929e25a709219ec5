import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess, usageFileRow, visibleRecords } from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  demoPeriodStart,
  globexVendor,
  recordsHeader,
  validRow,
  xlsxOf,
} from "@/test/usage-workbooks";
import { sheet, writtenWorkbook } from "@/test/written-workbooks";
import { addDecimals, parseDecimal } from "@/lib/domain/decimal";
import { listUsageAggregates } from "@/lib/server/queries/usage-aggregates";
import { correctUsageRecord } from "./correct-usage-record";
import { submitUsageFile } from "./submit-usage-file";
import { processedSpreadsheet, uploadedSpreadsheet } from "./usage-file-spreadsheets";

const database = withTestDatabase();

const csvOf = (rows: string[][]) => rows.map((row) => row.join(",")).join("\n");

/** Row 2 is valid, row 3's quantity is not a number, row 4 repeats row 2's record_id. */
async function invalidFile() {
  const db = database.handle.db;
  await seedDemoData(db);
  const file = await uploadAndProcess(
    db,
    acmeDraftFileId,
    "usage.csv",
    csvOf([[...recordsHeader], validRow("R-1", "2"), validRow("R-2", "three"), validRow("R-1", "4")]),
  );
  expect(file).toMatchObject({ status: "invalid", stats: { records: 3, valid: 1, invalid: 2 } });
  const records = await visibleRecords(db, acmeDraftFileId);
  return { db, ids: records.map((r) => r.id) };
}

const correct = (cells: Record<string, string>, recordId: number, actor = acmeVendor) =>
  correctUsageRecord(actor, { usageFileId: acmeDraftFileId, recordId, cells });

describe("correcting an invalid record in the browser", () => {
  it("re-checks the record, updates the file's counts and summary, and keeps the correction", async () => {
    const { db, ids } = await invalidFile();
    expect(await correct({ quantity: "3" }, ids[1]!)).toEqual({ ok: true, value: { fileReady: false } });

    const [, corrected] = await visibleRecords(db, acmeDraftFileId);
    expect(corrected).toMatchObject({ quantity: "3", errors: null, correctedCells: { quantity: "3" } });
    const file = await usageFileRow(db, acmeDraftFileId);
    expect(file.status).toBe("invalid");
    expect(file.stats).toMatchObject({ records: 3, valid: 2, invalid: 1, byItem: [{ records: 2, quantity: "5" }] });
    expect(file.errorDetail).toMatchObject({
      kind: "records",
      summary: { invalidRecords: 1, byCode: { duplicate_record_id: 1 } },
    });
  });

  it("refuses a correction that leaves the record invalid, naming each cell's rule, and saves nothing", async () => {
    const { db, ids } = await invalidFile();
    const historyBefore = await db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, acmeDraftFileId) });

    expect(await correct({ quantity: "-2", start_time_utc: "yesterday" }, ids[1]!)).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Not saved: the record is still invalid. Fix the marked cells.",
      fields: {
        quantity: 'quantity "-2" is negative; it must be 0 or more.',
        start_time_utc: expect.stringContaining('start_time_utc "yesterday" is not a date and time'),
      },
    });
    expect(await correct({ record_id: "R-1", quantity: "5" }, ids[2]!)).toMatchObject({
      ok: false,
      fields: { record_id: expect.stringContaining("already used on row 2") },
    });

    expect((await visibleRecords(db, acmeDraftFileId))[1]).toMatchObject({ quantity: null, correctedCells: null });
    expect(await usageFileRow(db, acmeDraftFileId)).toMatchObject({ stats: { valid: 1, invalid: 2 } });
    expect(await db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, acmeDraftFileId) })).toEqual(
      historyBefore,
    );
  });

  it("refuses a save that changes nothing, leaving no history", async () => {
    const { db, ids } = await invalidFile();
    const [, invalid] = await visibleRecords(db, acmeDraftFileId);
    const historyBefore = await db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, acmeDraftFileId) });

    expect(await correct({ ...invalid!.sheetCells }, ids[1]!)).toEqual({
      ok: false,
      code: "invalid_input",
      message: "Nothing was changed: edit a cell before saving.",
    });
    expect(await db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, acmeDraftFileId) })).toEqual(
      historyBefore,
    );
  });

  it("makes the file Ready with its last invalid record, and writes the history", async () => {
    const { db, ids } = await invalidFile();
    await correct({ quantity: "3" }, ids[1]!);
    expect(await correct({ record_id: "R-3" }, ids[2]!)).toEqual({ ok: true, value: { fileReady: true } });

    const file = await usageFileRow(db, acmeDraftFileId);
    expect(file).toMatchObject({
      status: "ready",
      errorDetail: null,
      stats: { valid: 3, invalid: 0, byItem: [{ records: 3, quantity: "9" }] },
    });
    const events = await db.query.events.findMany({
      where: (e, { eq }) => eq(e.objectId, acmeDraftFileId),
      orderBy: (e, { asc }) => asc(e.id),
    });
    expect(events.slice(-3).map((e) => [e.action, e.details])).toEqual([
      ["record_fixed", { recordId: "R-2", row: 3, cells: { quantity: "3" } }],
      ["record_fixed", { recordId: "R-3", row: 4, cells: { record_id: "R-3" } }],
      ["correct", {}],
    ]);
  });

  it("counts the corrected records in the period's usage once the file is submitted", async () => {
    const { ids } = await invalidFile();
    await correct({ quantity: "3" }, ids[1]!);
    await correct({ record_id: "R-3" }, ids[2]!);
    const vcpuHours = async () => {
      const period = demoPeriodStart().toISOString().slice(0, 7);
      const groups = await listUsageAggregates(acmeVendor, { period, groupBy: ["item"], status: ["pending"] });
      return groups.find((group) => group.itemMpn === "ACME-VCPU-HR")!.awaitingReview;
    };
    const before = await vcpuHours();
    expect(await submitUsageFile(acmeVendor, acmeDraftFileId)).toMatchObject({ ok: true });
    const after = await vcpuHours();
    expect(after.records - before.records).toBe(3);
    expect(after.quantity).toBe(addDecimals(parseDecimal(before.quantity!)!, parseDecimal("9")!));
  });

  it("refuses another vendor, a valid record, an unknown column and a file that is not Invalid, changing nothing", async () => {
    const { db, ids } = await invalidFile();
    expect(await correct({ quantity: "3" }, ids[1]!, globexVendor)).toMatchObject({ ok: false, code: "not_found" });
    expect(await correct({ quantity: "3" }, ids[0]!)).toMatchObject({ ok: false, code: "conflict" });
    expect(await correct({ amount: "3" }, ids[1]!)).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await visibleRecords(db, acmeDraftFileId))[1]).toMatchObject({ quantity: null, correctedCells: null });

    const ready = "UF-2026-10-1001-0002";
    const [record] = await visibleRecords(db, ready);
    expect(await correctUsageRecord(acmeVendor, { usageFileId: ready, recordId: record!.id, cells: {} })).toEqual({
      ok: false,
      code: "invalid_transition",
      message: "This usage file is Ready; only Invalid files can be corrected.",
    });
  });
});

describe("the spreadsheets of a file with corrected records", () => {
  it("write the corrections into the download, marking only the errors left", async () => {
    const { ids } = await invalidFile();
    await correct({ quantity: "3" }, ids[1]!);

    const uploaded = await uploadedSpreadsheet(acmeVendor, acmeDraftFileId);
    if (!uploaded.ok) throw new Error(uploaded.message);
    expect(uploaded.value.fileName).toBe("usage-corrected.xlsx");
    const records = sheet(await writtenWorkbook(uploaded.value.write), "records");
    const errorsColumn = recordsHeader.length + 1;
    expect(records.getRow(3).getCell(4).value).toBe("3");
    expect(records.getRow(3).getCell(errorsColumn).value).toBeNull();
    expect(String(records.getRow(4).getCell(errorsColumn).value)).toContain("already used on row 2");

    const processed = await processedSpreadsheet(acmeVendor, acmeDraftFileId);
    expect(processed).toMatchObject({ ok: true, value: { fileName: "usage-processed.xlsx" } });
  });
});

describe("a workbook whose records sheet is named 'Records'", () => {
  it("is read, and its processed and corrected spreadsheets open with the marks on that sheet", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const workbook = await xlsxOf({ Records: [[...recordsHeader], validRow("R-1", "2"), validRow("R-2", "three")] });
    expect(await uploadAndProcess(db, acmeDraftFileId, "usage.xlsx", workbook)).toMatchObject({
      status: "invalid",
      stats: { invalid: 1 },
    });
    const errorsColumn = recordsHeader.length + 1;

    const processed = await processedSpreadsheet(acmeVendor, acmeDraftFileId);
    if (!processed.ok) throw new Error(processed.message);
    const processedRecords = sheet(await writtenWorkbook(processed.value.write), "Records");
    expect(String(processedRecords.getRow(3).getCell(errorsColumn).value)).toContain("quantity");

    const [, invalid] = await visibleRecords(db, acmeDraftFileId);
    await correct({ quantity: "3" }, invalid!.id);
    const corrected = await uploadedSpreadsheet(acmeVendor, acmeDraftFileId);
    if (!corrected.ok) throw new Error(corrected.message);
    expect(corrected.value.fileName).toBe("usage-corrected.xlsx");
    expect(
      sheet(await writtenWorkbook(corrected.value.write), "Records")
        .getRow(3)
        .getCell(4).value,
    ).toBe("3");
  });
});
