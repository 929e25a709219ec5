import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { writeCsv, writeXlsx } from "./generate-sheet";
import { readRows, removeTempFiles, tempPath } from "@/test/reader-workbooks";

afterAll(removeTempFiles);

const records = [
  ["record_id", "quantity", "start_time_utc", "record_note"],
  ["R-1", "12.5", "2024-01-15 08:30:00", 'a <b> & "c", d'],
  ["R-2", "-0.001", "2024-02-29 23:59:59", "tab\tand_x0041_ and\r\nnew line"],
  ["007", "123456789012345", "1900-01-01 00:00:00", ""],
];

async function* asyncRows() {
  yield* records;
}

describe("the sheet generator", () => {
  it("writes an xlsx that exceljs opens, with typed cells", async () => {
    const path = tempPath("xlsx");
    await writeXlsx(path, [
      { name: "records", rows: asyncRows() },
      { name: "categories", rows: [["category_id"], ["cat-1"]] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["records", "categories"]);
    const row = workbook.getWorksheet("records")?.getRow(2);
    expect([row?.getCell(1).value, row?.getCell(2).value, row?.getCell(3).value, row?.getCell(4).value]).toEqual([
      "R-1",
      12.5,
      new Date(Date.UTC(2024, 0, 15, 8, 30)),
      'a <b> & "c", d',
    ]);
  });

  it("writes an xlsx that reads back as the same text", async () => {
    const path = tempPath("xlsx");
    await writeXlsx(path, [{ name: "records", rows: records }]);
    expect((await readRows(path)).map((row) => row.values)).toEqual(expected());
  });

  it("writes CSV that reads back as the same text", async () => {
    const path = tempPath("csv");
    await writeCsv(path, asyncRows(), { delimiter: ";" });
    expect((await readRows(path)).map((row) => row.values)).toEqual(expected());
  });
});

/** The records as the reader hands them back: trimmed, trailing empty cells left off. */
function expected(): string[][] {
  return records
    .map((values) => values.map((value) => value.trim()))
    .map((values) => (values.at(-1) === "" ? values.slice(0, -1) : values));
}
