import ExcelJS from "exceljs";
import { sheet, writtenWorkbook } from "@/test/written-workbooks";
import { describe, expect, it } from "vitest";
import { recordColumns, sheetDateTimeFormat } from "@/lib/domain/usage-sheet";
import { type TemplateInput, validatedRecordRows, writeUsageTemplate } from "./template";

const product: TemplateInput["product"] = {
  id: "PRD-100-200",
  name: "Cloud Storage",
  usageSchema: "TR",
  currency: "EUR",
};
const items: TemplateInput["items"] = [
  {
    id: "PRD-100-200-0001",
    mpn: "STORAGE-GB",
    localId: "gb",
    name: "Storage",
    unit: "GB",
    precision: "decimal_2",
    type: "ppu",
  },
  {
    id: "PRD-100-200-0002",
    mpn: "EGRESS-GB",
    localId: "egress",
    name: "Egress",
    unit: "GB",
    precision: "integer",
    type: "ppu",
  },
];
const usageFile: NonNullable<TemplateInput["usageFile"]> = {
  id: "UF-2025-01-0001-0001",
  name: "January usage",
  contractId: "CRD-00001",
  marketplace: "Germany",
  periodFrom: new Date("2025-01-01T00:00:00Z"),
  periodTo: new Date("2025-02-01T00:00:00Z"),
  currency: "EUR",
  subscriptions: [
    {
      id: "AS-1000-0001",
      externalId: "EXT-1",
      externalUid: "uid-1",
      parameters: { region: "eu-west", subdomain: "tenant-1" },
      status: "active",
      activeFrom: new Date("2024-06-01T00:00:00Z"),
      activeTo: null,
      tier1AccountId: "ACC-0004",
      tier2AccountId: null,
    },
    {
      id: "AS-1000-0002",
      externalId: "EXT-2",
      externalUid: "uid-2",
      parameters: {},
      status: "terminated",
      activeFrom: null,
      activeTo: new Date("2025-01-15T00:00:00Z"),
      tier1AccountId: null,
      tier2AccountId: null,
    },
  ],
};

const subscriptionsHeader = ["id", "external_id", "external_uid", "parameters", "status", "active_from", "active_to"];

describe("writeUsageTemplate", () => {
  it("has the instructions, records, general, categories and items tabs, records right after instructions", async () => {
    const workbook = await template({ product, items });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "instructions",
      "records",
      "general",
      "categories",
      "items",
    ]);
  });

  it("adds a subscriptions tab last to a usage file's template", async () => {
    const workbook = await template({ product, items, usageFile });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "instructions",
      "records",
      "general",
      "categories",
      "items",
      "subscriptions",
    ]);
  });

  it("lists the file's subscriptions with their tier accounts (TR), windows as UTC date cells", async () => {
    const subscriptions = sheet(await template({ product, items, usageFile }), "subscriptions");
    expect(sheetRows(subscriptions)).toEqual([
      [...subscriptionsHeader, "tier1_account_id", "tier2_account_id"],
      [
        "AS-1000-0001",
        "EXT-1",
        "uid-1",
        "region=eu-west; subdomain=tenant-1",
        "active",
        new Date("2024-06-01T00:00:00Z"),
        undefined,
        "ACC-0004",
      ],
      ["AS-1000-0002", "EXT-2", "uid-2", undefined, "terminated", undefined, new Date("2025-01-15T00:00:00Z")],
    ]);
    expect(subscriptions.getCell("F2").numFmt).toBe(sheetDateTimeFormat);
    expect(subscriptions.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("leaves the tier accounts out of a subscriptions tab of another schema", async () => {
    const qt = await template({ product: { ...product, usageSchema: "QT" }, items, usageFile });
    expect(rowValues(sheet(qt, "subscriptions"), 1)).toEqual(subscriptionsHeader);
  });

  it("offers the listed subscriptions' ids on asset_search_value, warning only", async () => {
    const records = sheet(await template({ product, items, usageFile }), "records");
    for (const row of [2, validatedRecordRows + 1]) {
      expect(validationAt(records, "asset_search_value", row)).toMatchObject({
        type: "list",
        formulae: ["subscriptions!$A$2:$A$3"],
        errorStyle: "warning",
      });
    }
  });

  it("offers no subscription list when the file has none, or for a product's template", async () => {
    const none = sheet(await template({ product, items, usageFile: { ...usageFile, subscriptions: [] } }), "records");
    expect(validationAt(none, "asset_search_value", 2)).toBeUndefined();
    const productOnly = sheet(await template({ product, items }), "records");
    expect(validationAt(productOnly, "asset_search_value", 2)).toBeUndefined();
  });

  it.each([
    { schema: "QT", header: recordColumns.filter((column) => column !== "amount" && column !== "tier") },
    { schema: "TR", header: recordColumns },
    { schema: "PR", header: recordColumns },
    { schema: "CR", header: recordColumns },
  ] as const)("writes the records header of a $schema product, bold and frozen", async ({ schema, header }) => {
    const records = sheet(await template({ product: { ...product, usageSchema: schema }, items }), "records");
    expect(rowValues(records, 1)).toEqual(header);
    expect(records.getCell("A1").font?.bold).toBe(true);
    expect(records.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("offers the accepted criteria and the product's mpns as lists over the data rows", async () => {
    const records = sheet(await template({ product, items }), "records");
    const lastRow = validatedRecordRows + 1;
    for (const row of [2, lastRow]) {
      expect(validationAt(records, "item_search_criteria", row)).toMatchObject({
        type: "list",
        formulae: ['"item.mpn,item.local_id,item.id"'],
      });
      expect(validationAt(records, "asset_search_criteria", row)).toMatchObject({
        type: "list",
        formulae: ['"asset.id,asset.external_id,asset.external_uid"'],
      });
      expect(validationAt(records, "item_search_value", row)).toMatchObject({
        type: "list",
        formulae: ["items!$B$2:$B$3"],
      });
    }
    expect(validationAt(records, "item_search_criteria", lastRow + 1)).toBeUndefined();
  });

  it("formats the start and end columns as yyyy-mm-dd hh:mm:ss", async () => {
    const records = sheet(await template({ product, items }), "records");
    expect(columnOf(records, "start_time_utc").numFmt).toBe(sheetDateTimeFormat);
    expect(columnOf(records, "end_time_utc").numFmt).toBe(sheetDateTimeFormat);
    expect(validationAt(records, "quantity", 2)).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual" });
  });

  it("explains every column and shows an example record with the product's first item", async () => {
    const instructions = sheet(await template({ product, items, usageFile }), "instructions");
    const rows = sheetRows(instructions);
    for (const column of recordColumns) {
      expect(rows.some((row) => row[0] === column && typeof row[2] === "string")).toBe(true);
    }
    expect(rows.find((row) => row[0] === "amount")?.[1]).toBe("yes");
    expect(rows.find((row) => row[0] === "record_note")?.[1]).toBe("no");
    const exampleHeader = rows.findIndex((row) => row.join() === recordColumns.join());
    expect(rows[exampleHeader + 1]).toEqual([
      "record-0001",
      undefined,
      "item.mpn",
      "STORAGE-GB",
      10.5,
      "2025-01-01 00:00:00",
      "2025-01-02 00:00:00",
      "asset.id",
      "AS-1000-0001",
      undefined,
      12.5,
      0,
    ]);
  });

  it("shows the usage file's metadata on the general tab", async () => {
    const general = sheet(await template({ product, items, usageFile }), "general");
    const facts = Object.fromEntries(sheetRows(general).map(([label, value]) => [String(label), value]));
    expect(facts).toMatchObject({
      "Usage file": "UF-2025-01-0001-0001",
      "File name": "January usage",
      Product: "PRD-100-200",
      Contract: "CRD-00001",
      Marketplace: "Germany",
      "Period from (UTC)": usageFile.periodFrom,
      "Period to (UTC)": usageFile.periodTo,
      Currency: "EUR",
      "Usage schema": "TR",
    });
  });

  it("shows the product's metadata on the general tab of a product template", async () => {
    const general = sheet(await template({ product, items }), "general");
    const facts = Object.fromEntries(sheetRows(general).map(([label, value]) => [String(label), value]));
    expect(facts).toEqual({
      Product: "PRD-100-200",
      "Product name": "Cloud Storage",
      "Usage schema": "TR",
      Currency: "EUR",
      Items: 2,
    });
  });

  it("lists the items and leaves categories for the vendor to fill", async () => {
    const workbook = await template({ product, items });
    expect(sheetRows(sheet(workbook, "items"))).toEqual([
      ["id", "mpn", "local_id", "name", "unit", "precision", "type"],
      ["PRD-100-200-0001", "STORAGE-GB", "gb", "Storage", "GB", "decimal_2", "ppu"],
      ["PRD-100-200-0002", "EGRESS-GB", "egress", "Egress", "GB", "integer", "ppu"],
    ]);
    expect(sheetRows(sheet(workbook, "categories"))).toEqual([
      ["category_id", "category_name", "category_description"],
    ]);
  });

  it("still writes a template for a product without items, without the mpn list", async () => {
    const records = sheet(await template({ product, items: [] }), "records");
    expect(validationAt(records, "item_search_value", 2)).toBeUndefined();
    expect(validationAt(records, "item_search_criteria", 2)).toBeDefined();
  });
});

function template(input: TemplateInput): Promise<ExcelJS.Workbook> {
  return writtenWorkbook((out) => writeUsageTemplate(input, out));
}

function rowValues(worksheet: ExcelJS.Worksheet, rowNumber: number): ExcelJS.CellValue[] {
  return (worksheet.getRow(rowNumber).values as ExcelJS.CellValue[]).slice(1);
}

function sheetRows(worksheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  worksheet.eachRow((row) => rows.push(rowValues(worksheet, row.number)));
  return rows;
}

function columnOf(records: ExcelJS.Worksheet, name: string): ExcelJS.Column {
  const index = rowValues(records, 1).indexOf(name);
  if (index < 0) throw new Error(`no ${name} column`);
  return records.getColumn(index + 1);
}

function validationAt(records: ExcelJS.Worksheet, column: string, row: number): ExcelJS.DataValidation | undefined {
  const model = (records as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  return model[`${columnOf(records, column).letter}${row}`];
}
