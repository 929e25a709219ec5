import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "./open-workbook";
import { readRows } from "@/test/reader-workbooks";

// Workbooks written by LibreOffice Calc rather than by us: see test/fixtures/workbooks/README.md.
const fixtures = join(process.cwd(), "test/fixtures/workbooks");

describe("workbooks written by LibreOffice", () => {
  it("lists the sheets in workbook order", async () => {
    const workbook = await openWorkbook(join(fixtures, "libreoffice.xlsx"));
    expect(workbook.sheetNames).toEqual(["instructions", "records"]);
    await workbook.close();
  });

  it("reads text, numbers, dates, formula results, rich text and errors as Excel shows them", async () => {
    const rows = await readRows(join(fixtures, "libreoffice.xlsx"));
    expect(rows.map(({ rowNumber, values }) => [rowNumber, values])).toEqual([
      [1, ["record_id", "quantity", "start_time_utc", "amount", "sum", "label", "billable", "record_note"]],
      // LibreOffice stores a boolean as the number 1 with a boolean format.
      [2, ["R-1", "12.5", "2024-01-15 08:30:00", "25", "0.3", "R-1-x", "1", "Hello bold world"]],
      [4, ["R-2", "0.001", "2024-02-29 23:59:59", "#N/A"]],
    ]);
    expect(rows[2]?.problems).toEqual([{ column: 3, code: "error_value", message: "The cell shows the error #N/A." }]);
  });

  it("reads the dates of a workbook in the 1904 date system", async () => {
    const rows = await readRows(join(fixtures, "libreoffice-1904.xlsx"));
    expect(rows.map((row) => row.values[2])).toEqual(["start_time_utc", "2024-01-15 08:30:00", "2024-02-29 23:59:59"]);
  });
});
