import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { removeTempFiles, writeXlsxParts } from "@/test/reader-workbooks";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { rowsByGeneration, uploadAndProcess, visibleRecords } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, validRow } from "@/test/usage-workbooks";
import { sheet, writtenWorkbook } from "@/test/written-workbooks";
import * as recordsRoute from "@/app/api/v1/usage/records/route";
import { processedSpreadsheet } from "./usage-file-spreadsheets";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();
afterAll(removeTempFiles);

// Issue 13 (F1): a NUL past the first 4 KiB of a CSV passed the file-type sniffer, PostgreSQL
// refused it in the COPY, the refusal went unnoticed, and the file became Ready with 200 records
// counted and none stored. A cell PostgreSQL cannot store now makes its record invalid, the record
// keeping the cell with U+FFFD in its place, so that every record read is stored.

const recordCount = 200;
const header = [...recordsHeader, "record_note"];

/** A valid 200-row CSV of the seeded Acme Compute draft: `R0` to `R199`, `R150` on line 152. */
function usageCsv(): string {
  const rows = Array.from({ length: recordCount }, (_, index) => [
    ...validRow(`R${index}`, "1", index % 28),
    `note ${index}`,
  ]);
  return [header, ...rows].map((row) => row.join(",")).join("\n") + "\n";
}

function withNul(csv: string, replaced: string, by: string): string {
  expect(csv.indexOf(replaced)).toBeGreaterThan(4096);
  return csv.replace(replaced, by);
}

/** The file is Invalid for that one cell, and holds every record it counts. */
async function expectOneInvalidCharacter(row: number, column: string, message: string) {
  const db = database.handle.db;
  const records = await visibleRecords(db, acmeDraftFileId);
  expect(records).toHaveLength(recordCount);
  expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: recordCount }, categories: {} });
  const invalid = records.filter((record) => record.errors !== null);
  expect(invalid.map((record) => [record.rowNumber, record.errors])).toEqual([
    [row, [{ column, code: "invalid_character", message }]],
  ]);
  return invalid[0]!;
}

async function expectInvalidFile(
  file: Awaited<ReturnType<typeof uploadAndProcess>>,
  row: number,
  column: string,
  message: string,
) {
  expect(file).toMatchObject({
    status: "invalid",
    firstRecordId: expect.any(Number),
    lastRecordId: expect.any(Number),
  });
  expect(file.stats).toMatchObject({ records: recordCount, valid: recordCount - 1, invalid: 1 });
  expect(file.errorDetail).toEqual({
    kind: "records",
    summary: {
      total: 1,
      invalidRecords: 1,
      byCode: { invalid_character: 1 },
      first: [{ row, column, code: "invalid_character", message }],
    },
  });
}

describe("a NUL past the first 4 KiB of a CSV (issue 13)", () => {
  it("as in the issue, R150 on line 152 written R150\\0X: Invalid, every record stored and listed by the API", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const message = 'record_id "R150\\u0000X" contains a NUL character (U+0000), which cannot be stored; remove it.';

    const file = await uploadAndProcess(
      db,
      acmeDraftFileId,
      "usage.csv",
      withNul(usageCsv(), "\nR150,", "\nR150\u0000X,"),
    );

    await expectInvalidFile(file, 152, "record_id", message);
    const record = await expectOneInvalidCharacter(152, "record_id", message);
    expect(record).toMatchObject({
      recordId: "R150\uFFFDX",
      note: "note 150",
      quantity: "1",
      itemId: "PRD-100-001-0001",
    });
    expect(record.sheetCells).toMatchObject({ record_id: "R150\uFFFDX", record_note: "note 150" });

    const listed = await callApi(recordsRoute.GET, {
      key: await apiKeyOf("vendor@acme.test"),
      path: `/usage/records?usagefile.id=${acmeDraftFileId}&limit=1&offset=150`,
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("content-range")).toBe(`items 150-150/${recordCount}`);
    expect(listed.body).toMatchObject([
      { record_id: "R150\uFFFDX", row_number: 152, errors: [{ code: "invalid_character" }] },
    ]);
  });

  it("in a record_note: Invalid naming the note, which keeps its other characters", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const message =
      'record_note "note\\u0000 180" contains a NUL character (U+0000), which cannot be stored; remove it.';

    const file = await uploadAndProcess(
      db,
      acmeDraftFileId,
      "usage.csv",
      withNul(usageCsv(), ",note 180\n", ",note\u0000 180\n"),
    );

    await expectInvalidFile(file, 182, "record_note", message);
    const record = await expectOneInvalidCharacter(182, "record_note", message);
    expect(record).toMatchObject({ recordId: "R180", note: "note\uFFFD 180" });
  });

  it("in a record_id, NUL alone: Invalid, and the processed spreadsheet explains the cell", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const message = 'record_id "\\u0000" contains a NUL character (U+0000), which cannot be stored; remove it.';

    const file = await uploadAndProcess(db, acmeDraftFileId, "usage.csv", withNul(usageCsv(), "\nR99,", "\n\u0000,"));

    await expectInvalidFile(file, 101, "record_id", message);
    expect(await expectOneInvalidCharacter(101, "record_id", message)).toMatchObject({ recordId: "\uFFFD" });
    const processed = await processedSpreadsheet(acmeVendor, acmeDraftFileId);
    if (!processed.ok) throw new Error(processed.message);
    const records = sheet(await writtenWorkbook(processed.value.write), "records");
    expect(String(records.getRow(101).getCell(header.length + 1).value)).toContain("contains a NUL character (U+0000)");
    expect(records.getRow(101).getCell(2).value).toBe("item.mpn");
  });
});

/** The XML of a sheet's rows, each cell an inline string written as given. */
function rowsXml(rows: string[][]): string {
  const cell = (value: string, column: number, row: number) =>
    `<c r="${String.fromCharCode(65 + column)}${row}" t="inlineStr"><is><t>${value}</t></is></c>`;
  return rows
    .map(
      (values, index) =>
        `<row r="${index + 1}">${values.map((value, column) => cell(value, column, index + 1)).join("")}</row>`,
    )
    .join("");
}

describe("a NUL or half a surrogate pair in an xlsx cell", () => {
  it("makes its record invalid, however the workbook writes it", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const rows = [
      [...header],
      [...validRow("excel-escape"), "a_x0000_b"],
      [...validRow("raw-nul", "1", 1), "a\u0000b"],
      [...validRow("surrogate", "1", 2), "a_xD83D_b"],
      [...validRow("char-ref", "1", 3), "a&#0;b"],
    ];
    const path = await writeXlsxParts({ sheets: { records: rowsXml(rows) } });

    const file = await uploadAndProcess(db, acmeDraftFileId, "usage.xlsx", await readFile(path));

    expect(file).toMatchObject({ status: "invalid", stats: { records: 4, valid: 1, invalid: 3 } });
    const records = await visibleRecords(db, acmeDraftFileId);
    expect(
      records.map((record) => [
        record.recordId,
        record.note,
        record.errors?.map((error) => [error.column, error.code]) ?? null,
      ]),
    ).toEqual([
      ["excel-escape", "a\uFFFDb", [["record_note", "invalid_character"]]],
      ["raw-nul", "a\uFFFDb", [["record_note", "invalid_character"]]],
      ["surrogate", "a\uFFFDb", [["record_note", "invalid_character"]]],
      // The reader already reads a character reference to no character as U+FFFD.
      ["char-ref", "a\uFFFDb", null],
    ]);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: { 1: 4 }, categories: {} });
  });
});

describe("a NUL where no record keeps it", () => {
  it.each([
    ["a custom column's header", [[...header, "v.re_x0000_gion"], validRow("r-1")], [], "Column J,"],
    [
      "the categories sheet",
      [
        [...header, "category_id"],
        [...validRow("r-1"), "", "batch"],
      ],
      [
        ["category_id", "category_name"],
        ["batch", "Batch_x0000_"],
      ],
      "categories sheet's category_name on row 2",
    ],
  ])("in %s makes the workbook unusable, naming where", async (_, records, categories, where) => {
    const db = database.handle.db;
    await seedDemoData(db);
    const sheets: Record<string, string> = { records: rowsXml(records) };
    if (categories.length > 0) sheets.categories = rowsXml(categories);
    const path = await writeXlsxParts({ sheets });

    const file = await uploadAndProcess(db, acmeDraftFileId, "usage.xlsx", await readFile(path));

    expect(file).toMatchObject({
      status: "invalid",
      errorDetail: { kind: "workbook", errors: [{ code: "invalid_character" }] },
    });
    const [error] = file.errorDetail?.kind === "workbook" ? file.errorDetail.errors : [];
    expect(error?.message).toContain(where);
    expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({ records: {}, categories: {} });
  });
});
