import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSheet, recordSheetNames } from "@/lib/domain/usage-sheet";
import { writtenWorkbook } from "@/test/written-workbooks";
import { recordsHeader, validRow, xlsxOf } from "@/test/usage-workbooks";
import { writeProcessedWorkbook } from "./processed-file";
import { openWorkbook } from "./reader";

// Ingest and the processed spreadsheet (and so the corrected one, written the same way) must read an
// upload alike: the same records sheet, the same rows under the same numbers, the same cells in
// them. Errors are marked by row number and column, so any disagreement puts a mark on the wrong cell.

const fixtures = path.resolve("test/fixtures/workbooks");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "upload-paths-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Row number → the columns (0-based) holding something, as the upload reader reads them. */
async function asIngestReadsIt(file: string): Promise<Map<number, number[]>> {
  const workbook = await openWorkbook(file);
  try {
    const sheetName = findSheet(workbook.sheetNames, recordSheetNames);
    if (!sheetName) throw new Error(`${file} has no records sheet`);
    const rows = new Map<number, number[]>();
    for await (const batch of workbook.rows(sheetName)) {
      for (const row of batch) rows.set(row.rowNumber, filledColumns(row.values.map((value) => value !== "")));
    }
    return rows;
  } finally {
    await workbook.close();
  }
}

/** The same, from the processed spreadsheet's records sheet (its errors column left out). */
async function asTheProcessedFileShowsIt(file: string, kind: "xlsx" | "csv"): Promise<Map<number, number[]>> {
  const processed = await writtenWorkbook((out) =>
    writeProcessedWorkbook({ sourcePath: file, sourceKind: kind, errors: [] }, out),
  );
  const sheet = processed.worksheets.find((candidate) => findSheet([candidate.name], recordSheetNames));
  if (!sheet) throw new Error("The processed file has no records sheet");
  const errorsColumn = sheet.getRow(1).values as ExcelJS.CellValue[];
  const lastSourceColumn = errorsColumn.indexOf("errors") - 1;
  const rows = new Map<number, number[]>();
  sheet.eachRow((row, rowNumber) => {
    const filled: boolean[] = [];
    row.eachCell((cell, column) => {
      if (column <= lastSourceColumn) filled[column - 1] = hasContent(cell.value);
    });
    const columns = filledColumns(filled);
    if (columns.length > 0) rows.set(rowNumber, columns);
  });
  return rows;
}

/** A formula counts by itself: its cached result may be an error, which has no text. */
function hasContent(value: ExcelJS.CellValue): boolean {
  return typeof value === "string" ? value.trim() !== "" : value !== null && value !== undefined;
}

function filledColumns(filled: boolean[]): number[] {
  return filled.flatMap((isFilled, column) => (isFilled ? [column] : []));
}

async function written(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

const csvLines = [recordsHeader.join(","), validRow("R-1").join(","), "", validRow("R-2", "3", 1).join(",")];

describe("ingest and the processed spreadsheet read an upload alike, row by row", () => {
  it.each(["libreoffice.xlsx", "libreoffice-1904.xlsx", "libreoffice-usage.xlsx", "libreoffice-usage-1904.xlsx"])(
    "%s",
    async (fixture) => {
      const file = path.join(fixtures, fixture);
      expect(await readdir(fixtures)).toContain(fixture);
      const read = await asIngestReadsIt(file);
      expect(read.size).toBeGreaterThan(1);
      expect(await asTheProcessedFileShowsIt(file, "xlsx")).toEqual(read);
    },
  );

  it("a workbook whose records sheet is 'Records', after another sheet", async () => {
    const file = await written(
      "records.xlsx",
      await xlsxOf({ notes: [["read me"]], Records: [[...recordsHeader], validRow("R-1"), [], validRow("R-2")] }),
    );
    const read = await asIngestReadsIt(file);
    expect([...read.keys()]).toEqual([1, 2, 4]);
    expect(await asTheProcessedFileShowsIt(file, "xlsx")).toEqual(read);
  });

  it.each([
    ["comma", csvLines.join("\n")],
    ["semicolon, CRLF", csvLines.map((line) => line.replaceAll(",", ";")).join("\r\n")],
    ["quoted fields with commas and line breaks", `${csvLines[0]}\n"R,1",item.mpn,"a\nb"\n\n${csvLines[3]}`],
  ])("a CSV: %s", async (name, content) => {
    const file = await written(`${name}.csv`, content);
    const read = await asIngestReadsIt(file);
    expect(await asTheProcessedFileShowsIt(file, "csv")).toEqual(read);
  });
});
