import { readFile } from "node:fs/promises";
import * as CFB from "cfb";
import type ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { removeTempFiles, writeXlsxParts } from "@/test/reader-workbooks";
import { withTestDatabase } from "@/test/db";
import {
  rowsByGeneration,
  storedUploadCount,
  uploadAndProcess,
  usageFileRow,
  visibleRecords,
} from "@/test/usage-file-state";
import {
  acmeDraftFileId,
  acmeVendor,
  fixtureWorkbook,
  recordsHeader,
  uploadOf,
  validRow,
  xlsxOf,
} from "@/test/usage-workbooks";
import { uploadUsageFile } from "./upload-usage-file";

const database = withTestDatabase();
afterAll(removeTempFiles);

// The reader's own tests cover each kind of bad file; these show what the vendor sees when one is
// uploaded over a file that already has records: the file is Invalid with the reason, and the
// records it showed before are still the ones it shows.

const goodWorkbook = () =>
  xlsxOf({
    records: [
      [...recordsHeader, "category_id"],
      [...validRow("good-1", "1.5"), "compute"],
      [...validRow("good-2", "2.25", 1), ""],
    ],
    categories: [
      ["category_id", "category_name", "category_description"],
      ["compute", "Compute", ""],
    ],
  });

const validRecordsWorkbook = () => xlsxOf({ records: [[...recordsHeader], validRow("new-1")] });

/** Office's encrypted workbook: a compound file holding EncryptionInfo and EncryptedPackage streams. */
function passwordProtectedWorkbook(): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(container, "/EncryptedPackage", Buffer.alloc(4096, 7));
  return CFB.write(container, { type: "buffer" }) as Buffer;
}

/**
 * Sets the size the zip's central directory gives a part once inflated. A real bomb of that size
 * (gigabytes of one repeated byte) is a few MB on disk but takes seconds to build and to inflate, and
 * the 2 GB limit per part cannot be lowered through processing: so the test keeps a small workbook
 * and lets its directory declare what the bomb's would.
 */
async function declareInflatedSize(workbook: Promise<Buffer>, partName: string, bytes: number): Promise<Buffer> {
  const zip = Buffer.from(await workbook);
  const name = Buffer.from(partName);
  const centralHeader = 0x02014b50;
  let patched = 0;
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (at >= 46 && zip.readUInt32LE(at - 46) === centralHeader) {
      zip.writeUInt32LE(bytes, at - 46 + 24);
      patched++;
    }
  }
  if (patched !== 1) throw new Error(`Expected one directory entry for ${partName}, found ${patched}`);
  return zip;
}

async function truncated(workbook: Promise<Buffer>): Promise<Buffer> {
  const zip = await workbook;
  return zip.subarray(0, Math.floor(zip.length / 2));
}

/** A records sheet whose XML declares an entity that expands ten-fold per level (a "billion laughs"). */
async function workbookWithDoctype(): Promise<Buffer> {
  const header = recordsHeader.map(
    (name, index) => `<c r="${String.fromCharCode(65 + index)}1" t="inlineStr"><is><t>${name}</t></is></c>`,
  );
  const doctype = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
  const sheet = `<?xml version="1.0"?>${doctype}<worksheet><sheetData><row r="1">${header.join("")}</row><row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
  const path = await writeXlsxParts({ sheets: { records: "" }, parts: { "xl/worksheets/sheet1.xml": sheet } });
  return readFile(path);
}

interface BadWorkbook {
  kind: string;
  content: () => Promise<Buffer>;
  code: string;
  reason: RegExp;
}

const badWorkbooks: BadWorkbook[] = [
  {
    kind: "an image named .xlsx",
    content: async () =>
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    code: "unreadable_workbook",
    reason: /neither an \.xlsx workbook nor a CSV file/,
  },
  {
    kind: "a workbook cut off half-way (an interrupted download)",
    content: () => truncated(goodWorkbook()),
    code: "unreadable_workbook",
    reason: /damaged or incomplete/,
  },
  {
    kind: "a zip bomb: a sheet that unpacks to 3 GB",
    content: () => declareInflatedSize(validRecordsWorkbook(), "xl/worksheets/sheet1.xml", 3 * 1024 ** 3),
    code: "unreadable_workbook",
    reason: /xl\/worksheets\/sheet1\.xml unpacks to more than 2 GB.*zip bomb/,
  },
  {
    kind: "a password-protected workbook",
    content: async () => passwordProtectedWorkbook(),
    code: "unreadable_workbook",
    reason: /password-protected/,
  },
  {
    kind: "a workbook without a records sheet",
    content: () =>
      xlsxOf({ instructions: [["Fill in the records sheet"]], usage: [[...recordsHeader], validRow("new-1")] }),
    code: "missing_records_sheet",
    reason: /no records sheet.*found "instructions", "usage"/,
  },
  {
    kind: "a records sheet missing a required column",
    content: () =>
      xlsxOf({
        records: [recordsHeader.filter((c) => c !== "end_time_utc"), validRow("new-1").filter((_, i) => i !== 5)],
      }),
    code: "missing_column",
    reason: /no end_time_utc column/,
  },
  {
    kind: "a header naming a column twice",
    content: () =>
      xlsxOf({
        records: [
          [...recordsHeader, "Quantity"],
          [...validRow("new-1"), "3"],
        ],
      }),
    code: "duplicate_column",
    reason: /"Quantity" is in D and again in I/,
  },
  {
    kind: "a records sheet with its header only",
    content: () => xlsxOf({ records: [[...recordsHeader]] }),
    code: "no_records",
    reason: /no records below its header row/,
  },
  {
    kind: "a sheet declaring a DOCTYPE with entities",
    content: workbookWithDoctype,
    code: "unreadable_workbook",
    reason: /xl\/worksheets\/sheet1\.xml declares a DOCTYPE or entities/,
  },
  {
    kind: "an Excel 97-2003 workbook renamed .xlsx",
    content: () => fixtureWorkbook("libreoffice.xls"),
    code: "unreadable_workbook",
    reason: /Excel 97–2003 workbook \(\.xls\)/,
  },
  {
    kind: "an OpenDocument spreadsheet renamed .xlsx",
    content: () => fixtureWorkbook("libreoffice.ods"),
    code: "unreadable_workbook",
    reason: /OpenDocument spreadsheets \(\.ods\) are not accepted/,
  },
];

/** Seeds, uploads the good workbook and returns what the vendor then sees. */
async function fileWithRecords() {
  const db = database.handle.db;
  await seedDemoData(db);
  const file = await uploadAndProcess(db, acmeDraftFileId, "good.xlsx", await goodWorkbook());
  expect(file.status).toBe("ready");
  const records = await visibleRecords(db, acmeDraftFileId);
  expect(records.map((r) => [r.recordId, r.quantity, r.categoryId])).toEqual([
    ["good-1", "1.5", "compute"],
    ["good-2", "2.25", null],
  ]);
  return { file, records };
}

async function expectEarlierRecordsKept(before: Awaited<ReturnType<typeof fileWithRecords>>) {
  const db = database.handle.db;
  const after = await usageFileRow(db, acmeDraftFileId);
  expect(after.generation).toBe(before.file.generation);
  expect(after.stats).toEqual(before.file.stats);
  expect(await visibleRecords(db, acmeDraftFileId)).toEqual(before.records);
  expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({
    records: { [before.file.generation]: 2 },
    categories: { [before.file.generation]: 1 },
  });
}

describe("an unusable workbook uploaded over a Ready file", () => {
  it.each(badWorkbooks)(
    "$kind: Invalid with the reason, the earlier records kept",
    async ({ content, code, reason }) => {
      const before = await fileWithRecords();

      const file = await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.xlsx", await content());

      expect(file.status).toBe("invalid");
      expect(file.errorDetail).toEqual({
        kind: "workbook",
        errors: [expect.objectContaining({ code, message: expect.stringMatching(reason) })],
      });
      await expectEarlierRecordsKept(before);
    },
  );
});

describe("an upload named .xls or .ods", () => {
  it.each([
    ["libreoffice.xls", "usage.xls", /Old \.xls workbooks cannot be read/],
    ["libreoffice.ods", "usage.ods", /OpenDocument spreadsheets cannot be read/],
  ])("%s sent as %s is refused at once, storing nothing and changing nothing", async (fixture, fileName, reason) => {
    const before = await fileWithRecords();

    const refused = await uploadUsageFile(
      acmeVendor,
      acmeDraftFileId,
      uploadOf(fileName, await fixtureWorkbook(fixture)),
    );

    expect(refused).toEqual({ ok: false, code: "invalid_input", message: expect.stringMatching(reason) });
    expect((await usageFileRow(database.handle.db, acmeDraftFileId)).status).toBe("ready");
    expect(await storedUploadCount(database.handle.db, acmeDraftFileId)).toBe(1);
    await expectEarlierRecordsKept(before);
  });
});

// A cell the reader cannot take whole is an error on its record, not on the workbook: the upload's
// records replace the earlier ones, and the vendor sees which cell to fix, with one error for it.
interface UnreadableCell {
  kind: string;
  column: "quantity" | "record_note";
  cell: ExcelJS.CellValue;
  message: string;
}

const unreadableCells: UnreadableCell[] = [
  {
    kind: "a note longer than Excel's 32,767 characters",
    column: "record_note",
    cell: "x".repeat(40_000),
    message: "The cell holds 40,000 characters; a cell may hold at most 32,767, so it was cut.",
  },
  {
    kind: "a quantity formula saved without its result",
    column: "quantity",
    cell: { formula: "0.1+0.2" },
    message:
      "The cell has a formula but no saved result. Open the file in Excel and save it again, so that results are saved.",
  },
  {
    kind: "a quantity formula showing an error",
    column: "quantity",
    cell: { formula: "1/0", result: { error: "#DIV/0!" } },
    message: "The cell shows the error #DIV/0!.",
  },
];

describe("cells the reader cannot take whole", () => {
  it.each(unreadableCells)(
    "$kind makes its record Invalid, naming row and column",
    async ({ column, cell, message }) => {
      const before = await fileWithRecords();
      const db = database.handle.db;
      const header = [...recordsHeader, "record_note"];
      const row: ExcelJS.CellValue[] = [...validRow("new-2", "4", 1), "a note"];
      row[header.indexOf(column)] = cell;
      const workbook = await xlsxOf({ records: [header, [...validRow("new-1"), "fine"], row] });

      const file = await uploadAndProcess(db, acmeDraftFileId, "usage.xlsx", workbook);

      expect(file.status).toBe("invalid");
      expect(file.errorDetail).toEqual({
        kind: "records",
        summary: {
          total: 1,
          invalidRecords: 1,
          byCode: { unreadable_cell: 1 },
          first: [{ row: 3, column, code: "unreadable_cell", message }],
        },
      });
      const records = await visibleRecords(db, acmeDraftFileId);
      expect(records.map((r) => [r.rowNumber, r.recordId, r.errors])).toEqual([
        [2, "new-1", null],
        [3, "new-2", [{ column, code: "unreadable_cell", message }]],
      ]);
      expect(file.generation).toBe(before.file.generation + 1);
      expect(await rowsByGeneration(db, acmeDraftFileId)).toEqual({
        records: { [file.generation]: 2 },
        categories: {},
      });
    },
  );
});
