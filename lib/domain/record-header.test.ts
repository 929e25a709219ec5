import { describe, expect, it } from "vitest";
import type { SheetError } from "./record-errors";
import { cellsByColumn, inSheetOrder, mapRecordHeader, type RecordColumnMap } from "./record-header";

const qtHeader = [
  "record_id",
  "item_search_criteria",
  "item_search_value",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "asset_search_criteria",
  "asset_search_value",
];

function columnsOf(header: string[], schema: "QT" | "TR" | "PR" | "CR" = "QT"): RecordColumnMap {
  const mapping = mapRecordHeader(header, schema);
  if (!mapping.ok) throw new Error(`expected a valid header, got ${JSON.stringify(mapping.errors)}`);
  return mapping.columns;
}

function errorsOf(header: string[], schema: "QT" | "TR" | "PR" | "CR" = "QT"): SheetError[] {
  const mapping = mapRecordHeader(header, schema);
  if (mapping.ok) throw new Error("expected header errors");
  return mapping.errors;
}

describe("mapRecordHeader", () => {
  it("gives each column its 0-based index, in any order, and -1 for absent optional columns", () => {
    const columns = columnsOf([...qtHeader].reverse());
    expect(columns.index.record_id).toBe(7);
    expect(columns.index.asset_search_value).toBe(0);
    expect(columns.index.category_id).toBe(-1);
    expect(columns.index.amount).toBe(-1);
  });

  it("matches names after trimming and without regard to case", () => {
    const columns = columnsOf([" Record_ID ", ...qtHeader.slice(1), "CATEGORY_ID"]);
    expect(columns.index.record_id).toBe(0);
    expect(columns.index.category_id).toBe(8);
  });

  it("collects v.* and p.* columns as custom params, keeping their names as written", () => {
    const columns = columnsOf([...qtHeader, "v.Region", " p.cost_center "]);
    expect(columns.params).toEqual([
      { name: "v.Region", index: 8 },
      { name: "p.cost_center", index: 9 },
    ]);
  });

  it("skips empty header cells", () => {
    const columns = columnsOf(["", ...qtHeader, "  ", "v.note"]);
    expect(columns.index.record_id).toBe(1);
    expect(columns.params).toEqual([{ name: "v.note", index: 10 }]);
  });

  it.each([
    ["QT", []],
    ["PR", ["amount"]],
    ["CR", ["amount"]],
    ["TR", ["amount", "tier"]],
  ] as const)("requires the %s schema's own columns: %j", (schema, extra) => {
    const missing = errorsOf(qtHeader.slice(1), schema);
    expect(missing.map((error) => error.column)).toEqual(["record_id", ...extra]);
    expect(missing.every((error) => error.code === "missing_column")).toBe(true);
  });

  it("names the missing column and the schema that needs it", () => {
    const [error] = errorsOf(qtHeader, "TR");
    expect(error).toEqual({
      code: "missing_column",
      row: 1,
      column: "amount",
      message: "The records sheet has no amount column, which TR products require.",
    });
  });

  it("refuses a duplicated column, naming both positions, also when only the case differs", () => {
    const errors = errorsOf([...qtHeader, "Quantity"]);
    expect(errors).toEqual([
      { code: "duplicate_column", row: 1, column: "Quantity", message: 'Column "Quantity" is in D and again in I.' },
    ]);
  });

  it("refuses a duplicated custom param column", () => {
    const errors = errorsOf([...qtHeader, "v.region", "V.REGION"]);
    expect(errors.map((error) => [error.code, error.column])).toEqual([["duplicate_column", "V.REGION"]]);
  });

  it.each(["qty", "v.", "p.", "x.region", "vendor_note"])("refuses the unknown column %j, naming it", (name) => {
    const [error] = errorsOf([...qtHeader, name]);
    expect(error?.code).toBe("unknown_column");
    expect(error?.column).toBe(name);
    expect(error?.message).toContain(`Column I, "${name}", is not a records column`);
  });

  it("reports every header problem at once", () => {
    const errors = errorsOf(["record_id", "record_id", "qty", ...qtHeader.slice(2)], "PR");
    expect(errors.map((error) => error.code)).toEqual([
      "duplicate_column",
      "unknown_column",
      "missing_column",
      "missing_column",
    ]);
  });

  it("refuses a header the database could not store, keeping U+FFFD in its place", () => {
    expect(errorsOf([...qtHeader, "v.re\u0000gion"])).toEqual([
      {
        code: "invalid_character",
        message:
          'Column I, "v.re\\u0000gion", has a character in its header that cannot be stored (NUL or half of a surrogate pair); remove it.',
        row: 1,
        column: "v.re\uFFFDgion",
      },
    ]);
  });

  it("uses Excel column letters past Z", () => {
    const header = [...qtHeader, ...Array.from({ length: 30 }, (_, i) => `v.extra${i}`), "record_id"];
    const [error] = errorsOf(header);
    expect(error?.message).toBe('Column "record_id" is in A and again in AM.');
  });
});

describe("a processed spreadsheet uploaded again", () => {
  it("skips the errors column the processed copy added", () => {
    const mapped = mapRecordHeader([...qtHeader, "errors"], "QT");
    expect(mapped.ok).toBe(true);
  });
});

describe("cellsByColumn", () => {
  it("keeps a cell the database could not store with U+FFFD in place of the character", () => {
    expect(cellsByColumn(["R\u00001", ...qtHeader.slice(1)], columnsOf(qtHeader))).toMatchObject({
      record_id: "R\uFFFD1",
    });
  });
});

describe("inSheetOrder", () => {
  it("puts stored cells back in the template's column order, custom columns last", () => {
    const stored = { quantity: "1", "v.region": "eu", record_id: "R-1", end_time_utc: "x", start_time_utc: "y" };
    expect(inSheetOrder(stored).map(([column]) => column)).toEqual([
      "record_id",
      "quantity",
      "start_time_utc",
      "end_time_utc",
      "v.region",
    ]);
  });
});
