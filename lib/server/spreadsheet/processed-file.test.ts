import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sheet, writtenBytes, writtenWorkbook } from "@/test/written-workbooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sheetDateTimeFormat } from "@/lib/domain/usage-sheet";
import { writeProcessedWorkbook, type ProcessedWorkbookInput, type RowErrors } from "./processed-file";
import { writeUsageTemplate } from "./template";

const header = ["record_id", "item_search_criteria", "item_search_value", "quantity", "start_time_utc", "category_id"];
const start = new Date("2025-01-05T10:30:00Z");

const errors: RowErrors[] = [
  { rowNumber: 3, cells: [{ column: "quantity", message: "quantity must be 0 or more" }] },
  {
    rowNumber: 4,
    cells: [
      { column: "start_time_utc", message: "start_time_utc is outside the period" },
      { column: null, message: "record_id is used twice" },
    ],
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "processed-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeProcessedWorkbook from an xlsx upload", () => {
  let output: ExcelJS.Workbook;
  let records: ExcelJS.Worksheet;
  beforeAll(async () => {
    output = await processed({ sourcePath: await writeUpload("upload.xlsx"), sourceKind: "xlsx", errors });
    records = sheet(output, "records");
  });

  it("fills each invalid cell red and explains it in a note", () => {
    expect(isMarkedInvalid(records.getCell("D3"))).toBe(true);
    expect(noteOf(records.getCell("D3"))).toBe("quantity must be 0 or more");
    expect(isMarkedInvalid(records.getCell("E4"))).toBe(true);
    expect(noteOf(records.getCell("E4"))).toBe("start_time_utc is outside the period");
  });

  it("appends an errors column holding all of a row's messages", () => {
    expect(records.getCell("G1").value).toBe("errors");
    expect(records.getCell("G3").value).toBe("quantity must be 0 or more");
    expect(records.getCell("G4").value).toBe("start_time_utc is outside the period; record_id is used twice");
  });

  it("leaves valid rows and cells untouched", () => {
    expect(rowValues(records, 2)).toEqual(["rec-1", "item.mpn", "MPN-A", 10, start, "cat-1", null]);
    for (const address of ["A2", "D2", "E2", "A3", "C3", "D4"]) {
      expect(isMarkedInvalid(records.getCell(address)), address).toBe(false);
      expect(records.getCell(address).note, address).toBeUndefined();
    }
  });

  it("keeps numbers as numbers and dates as dates with their format", () => {
    expect(records.getCell("D3").value).toBe(-2.5);
    expect(records.getCell("E4").value).toEqual(new Date("2024-12-01T00:00:00Z"));
    expect(records.getCell("E2").numFmt).toBe(sheetDateTimeFormat);
    expect(records.getCell("E4").numFmt).toBe(sheetDateTimeFormat);
    expect(records.getCell("A1").font?.bold).toBe(true);
  });

  it("keeps the other sheets", () => {
    expect(sheetValues(sheet(output, "categories"))).toEqual([
      ["category_id", "category_name", "category_description"],
      ["cat-1", "Compute", "CPU hours"],
    ]);
    expect(sheet(output, "instructions").getCell("A1").value).toBe("Fill the records sheet.");
  });

  it("marks a processed copy afresh when it is uploaded again", async () => {
    const firstCopy = join(dir, "first-copy.xlsx");
    await output.xlsx.writeFile(firstCopy);
    const again = await processed({
      sourcePath: firstCopy,
      sourceKind: "xlsx",
      errors: [{ rowNumber: 2, cells: [{ column: "item_search_value", message: "no such item" }] }],
    });
    const recordsAgain = sheet(again, "records");
    expect(recordsAgain.getRow(1).cellCount).toBe(7);
    expect(isMarkedInvalid(recordsAgain.getCell("C2"))).toBe(true);
    expect(recordsAgain.getCell("G2").value).toBe("no such item");
    expect(isMarkedInvalid(recordsAgain.getCell("D3"))).toBe(false);
    expect(recordsAgain.getCell("G3").value).toBeNull();
    expect(recordsAgain.getCell("D3").value).toBe(-2.5);
  });
});

describe("writeProcessedWorkbook row errors", () => {
  it("merges entries of one row and reads errors from an async iterable", async () => {
    async function* split(): AsyncIterable<RowErrors> {
      yield { rowNumber: 3, cells: [{ column: "quantity", message: "too many decimals" }] };
      yield { rowNumber: 3, cells: [{ column: "quantity", message: "must be 0 or more" }] };
    }
    const output = await processed({
      sourcePath: await writeUpload("merge.xlsx"),
      sourceKind: "xlsx",
      errors: split(),
    });
    const records = sheet(output, "records");
    expect(noteOf(records.getCell("D3"))).toBe("too many decimals\nmust be 0 or more");
    expect(records.getCell("G3").value).toBe("too many decimals; must be 0 or more");
  });

  it("takes the first row that is not blank for the header, as the upload reader does", async () => {
    const workbook = new ExcelJS.Workbook();
    const records = workbook.addWorksheet("records");
    records.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEEFF" } };
    records.getRow(2).values = ["record_id", "quantity"];
    records.getRow(3).values = ["rec-1", 5];
    const path = join(dir, "blank-first-row.xlsx");
    await workbook.xlsx.writeFile(path);

    const output = await processed({
      sourcePath: path,
      sourceKind: "xlsx",
      errors: [{ rowNumber: 3, cells: [{ column: "quantity", message: "too many" }] }],
    });
    const copy = sheet(output, "records");
    expect(copy.getCell("C2").value).toBe("errors");
    expect(isMarkedInvalid(copy.getCell("B3"))).toBe(true);
    expect(copy.getCell("C3").value).toBe("too many");
  });

  it("copies a stray cell far below the records without stalling", async () => {
    const workbook = new ExcelJS.Workbook();
    const records = workbook.addWorksheet("records");
    records.getRow(1).values = ["record_id", "quantity"];
    records.getRow(2).values = ["rec-1", 5];
    records.getCell("A500000").value = "stray";
    const path = join(dir, "stray-cell.xlsx");
    await workbook.xlsx.writeFile(path);

    const output = await processed({ sourcePath: path, sourceKind: "xlsx", errors: [] });
    expect(sheet(output, "records").getCell("A500000").value).toBe("stray");
  });

  it("puts header errors in a note on the errors title, and errors of missing rows in rows of their own", async () => {
    const output = await processed({
      sourcePath: await writeUpload("header.xlsx"),
      sourceKind: "xlsx",
      errors: [
        { rowNumber: 1, cells: [{ column: null, message: "amount column is missing" }] },
        { rowNumber: 9, cells: [{ column: "quantity", message: "quantity is missing" }] },
      ],
    });
    const records = sheet(output, "records");
    expect(records.getCell("G1").value).toBe("errors");
    expect(noteOf(records.getCell("G1"))).toBe("amount column is missing");
    expect(isMarkedInvalid(records.getCell("D9"))).toBe(true);
    expect(records.getCell("G9").value).toBe("quantity is missing");
  });
});

describe("writeProcessedWorkbook from a csv upload", () => {
  it.each([
    { delimiter: ";", name: "semicolons" },
    { delimiter: ",", name: "commas" },
  ])("reads a csv with $name and a BOM into the same xlsx", async ({ delimiter }) => {
    const lines = [
      header,
      ["rec-1", "item.mpn", "MPN-A", "10", "2025-01-05 10:30:00", "cat-1"],
      ["rec-2", "item.mpn", "MPN-A", "-2.5", "2025-01-05 10:30:00", ""],
      ["rec-3", "item.mpn", "MPN-A", "0.125", "2024-12-01 00:00:00", ""],
    ];
    const csvPath = join(dir, `upload-${delimiter === ";" ? "semicolon" : "comma"}.csv`);
    await writeFile(csvPath, "\uFEFF" + lines.map((line) => line.join(delimiter)).join("\r\n") + "\r\n");

    const output = await processed({ sourcePath: csvPath, sourceKind: "csv", errors });
    const records = sheet(output, "records");
    expect(rowValues(records, 1)).toEqual([...header, "errors"]);
    expect(rowValues(records, 2)).toEqual([...lines[1]!, null]);
    expect(isMarkedInvalid(records.getCell("D3"))).toBe(true);
    expect(noteOf(records.getCell("D3"))).toBe("quantity must be 0 or more");
    expect(records.getCell("D3").value).toBe("-2.5");
    expect(isMarkedInvalid(records.getCell("E4"))).toBe(true);
    expect(records.getCell("G4").value).toBe("start_time_utc is outside the period; record_id is used twice");
    expect(isMarkedInvalid(records.getCell("D2"))).toBe(false);
    expect(sheetValues(sheet(output, "categories"))).toEqual([
      ["category_id", "category_name", "category_description"],
    ]);
  });

  it("counts blank lines as rows, as Excel and the upload reader do", async () => {
    const csvPath = join(dir, "blank-lines.csv");
    await writeFile(csvPath, 'record_id,quantity\n\nrec-1,"5"\n\nrec-2,say "7"\n');
    const output = await processed({
      sourcePath: csvPath,
      sourceKind: "csv",
      errors: [{ rowNumber: 5, cells: [{ column: "quantity", message: "not a number" }] }],
    });
    const records = sheet(output, "records");
    expect(records.getCell("A3").value).toBe("rec-1");
    expect(records.getCell("B3").value).toBe("5");
    expect(records.getCell("B5").value).toBe('say "7"');
    expect(isMarkedInvalid(records.getCell("B5"))).toBe(true);
    expect(records.getCell("C5").value).toBe("not a number");
  });
});

/** An upload as a vendor would send it: help text, records with numbers and date cells, categories. */
async function writeUpload(fileName: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("instructions").addRow(["Fill the records sheet."]);
  const records = workbook.addWorksheet("records");
  records.addRow(header).font = { bold: true };
  records.addRow(["rec-1", "item.mpn", "MPN-A", 10, start, "cat-1"]);
  records.addRow(["rec-2", "item.mpn", "MPN-A", -2.5, start, null]);
  records.addRow(["rec-3", "item.mpn", "MPN-A", 0.125, new Date("2024-12-01T00:00:00Z"), null]);
  records.getColumn(5).numFmt = sheetDateTimeFormat;
  for (const row of [2, 3, 4]) records.getCell(row, 5).numFmt = sheetDateTimeFormat;
  const categories = workbook.addWorksheet("categories");
  categories.addRow(["category_id", "category_name", "category_description"]);
  categories.addRow(["cat-1", "Compute", "CPU hours"]);
  const path = join(dir, fileName);
  await workbook.xlsx.writeFile(path);
  return path;
}

function processed(input: ProcessedWorkbookInput): Promise<ExcelJS.Workbook> {
  return writtenWorkbook((out) => writeProcessedWorkbook(input, out));
}

/** The row's values from column A through the errors column. */
function rowValues(worksheet: ExcelJS.Worksheet, rowNumber: number): ExcelJS.CellValue[] {
  return Array.from({ length: header.length + 1 }, (_, index) => worksheet.getCell(rowNumber, index + 1).value);
}

function sheetValues(worksheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  worksheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

function isMarkedInvalid(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill;
  return fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb === "FFFFC7CE";
}

/** The sheet's validations by cell, as exceljs reads them: every cell of a range named on its own. */
function dataValidations(worksheet: ExcelJS.Worksheet): Record<string, ExcelJS.DataValidation> {
  return (worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note;
  if (note === undefined || typeof note === "string") return note;
  return note.texts?.map((run) => run.text).join("");
}

describe("writeProcessedWorkbook from a template filled in and saved again", () => {
  const templateInput = {
    product: { id: "PRD-1", name: "Compute", usageSchema: "QT" as const, currency: "USD" },
    items: [
      {
        id: "PRD-1-0001",
        mpn: "MPN-A",
        localId: "a",
        name: "A",
        unit: "h",
        precision: "decimal_2" as const,
        type: "ppu" as const,
      },
    ],
  };

  /** The template as a vendor sends it back: filled in, and saved again by a spreadsheet program. */
  async function filledTemplate(fileName: string): Promise<{ path: string; template: ExcelJS.Workbook }> {
    const template = await writtenWorkbook((out) => writeUsageTemplate(templateInput, out));
    template.getWorksheet("records")!.getRow(2).values = ["rec-1", "", "item.mpn", "MPN-A", "1.234"];
    template.getWorksheet("records")!.getRow(3).values = ["rec-2", "", "item.mpn", "MPN-A", "2"];
    const path = join(dir, fileName);
    await writeFile(path, Buffer.from(await template.xlsx.writeBuffer()));
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(path);
    return { path, template: reread };
  }

  it("keeps the template's sheet order, column widths and drop-down lists", async () => {
    const { path, template } = await filledTemplate("round-trip.xlsx");
    const output = await processed({
      sourcePath: path,
      sourceKind: "xlsx",
      errors: [{ rowNumber: 3, cells: [{ column: "quantity", message: "too many decimals" }] }],
    });
    expect(output.worksheets.map((w) => w.name)).toEqual(["instructions", "records", "general", "categories", "items"]);
    for (const name of ["instructions", "records", "general", "categories", "items"]) {
      const widths = (worksheet: ExcelJS.Worksheet) => worksheet.columns?.map((column) => column.width) ?? [];
      const uploaded = widths(sheet(template, name));
      expect(uploaded.length, name).toBeGreaterThan(0);
      expect(widths(sheet(output, name)).slice(0, uploaded.length), name).toEqual(uploaded);
    }
    const records = sheet(output, "records");
    const validationOf = (address: string) => dataValidations(records)[address];
    expect(validationOf("C2")).toMatchObject({ type: "list", formulae: ['"item.mpn,item.local_id,item.id"'] });
    expect(validationOf("D10001")).toMatchObject({
      type: "list",
      formulae: ["items!$B$2:$B$2"],
      errorStyle: "warning",
    });
    expect(validationOf("E3")).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    expect(validationOf("D10002")).toBeUndefined();
    expect(Object.keys(dataValidations(records)).length).toBe(
      Object.keys(dataValidations(sheet(template, "records"))).length,
    );
    expect(records.getCell("F1").value).toBe("start_time_utc");
    expect(isMarkedInvalid(records.getCell("E3"))).toBe(true);
  });

  it("keeps them in a template streamed as the portal writes it, whose workbook.xml comes last", async () => {
    const path = join(dir, "template-as-downloaded.xlsx");
    await writeFile(path, await writtenBytes((out) => writeUsageTemplate(templateInput, out)));
    const output = await processed({ sourcePath: path, sourceKind: "xlsx", errors: [] });
    expect(output.worksheets.map((w) => w.name)).toEqual(["instructions", "records", "general", "categories", "items"]);
    expect(sheet(output, "items").getCell("B2").value).toBe("MPN-A");
    expect(dataValidations(sheet(output, "records"))["C2"]).toMatchObject({ type: "list" });
  });

  it("reads it although workbook.xml comes last in its zip, and writes the vendor's corrections in", async () => {
    const template = await writtenWorkbook((out) => writeUsageTemplate(templateInput, out));
    template.getWorksheet("records")!.getRow(2).values = ["rec-1", "", "item.mpn", "MPN-A", "1.234"];
    const sourcePath = join(dir, "saved-again.xlsx");
    await writeFile(sourcePath, Buffer.from(await template.xlsx.writeBuffer()));

    const output = await processed({
      sourcePath,
      sourceKind: "xlsx",
      errors: [
        {
          rowNumber: 2,
          cells: [{ column: "record_id", message: "record_id is used twice" }],
          corrections: { quantity: "1.23" },
        },
      ],
    });
    const records = sheet(output, "records");
    expect(records.getCell("E2").value).toBe("1.23");
    expect(isMarkedInvalid(records.getCell("E2"))).toBe(false);
    expect(isMarkedInvalid(records.getCell("A2"))).toBe(true);
    expect(output.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["instructions", "records", "categories"]),
    );
  });
});
