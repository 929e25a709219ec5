import { describe, expect, it } from "vitest";
import { applyCellEdits, recordCorrectionInput, validateRecordCells } from "./record-correction";
import type { CatalogIndex } from "./record-rules";

const item = { id: "PRD-1-0001", decimalPlaces: 2 };
const subscription = { id: "AS-1", activeFrom: null, activeTo: null, tier1AccountId: null, tier2AccountId: null };
const catalog: CatalogIndex = {
  schema: "QT",
  periodFrom: Date.parse("2026-01-01T00:00:00Z"),
  periodTo: Date.parse("2026-02-01T00:00:00Z"),
  items: { byId: new Map([[item.id, item]]), byMpn: new Map([["MPN-1", item]]), byLocalId: new Map() },
  subscriptions: {
    byId: new Map([[subscription.id, [subscription]]]),
    byExternalId: new Map([["EXT-1", [subscription]]]),
    byExternalUid: new Map(),
    byParameter: new Map(),
  },
  categories: new Set(),
};

/** An invalid record's cells as the ingest keeps them: its quantity has too many decimals. */
const storedCells = {
  record_id: "R-1",
  item_search_criteria: "item.mpn",
  item_search_value: "MPN-1",
  quantity: "1.257",
  start_time_utc: "2026-01-10 00:00:00",
  end_time_utc: "2026-01-11 00:00:00",
  asset_search_criteria: "asset.external_id",
  asset_search_value: "EXT-1",
  "v.region": "eu",
};

describe("a correction's form fields", () => {
  it("carries the edited cells under their column names, and nothing else", () => {
    const parsed = recordCorrectionInput.parse({
      usageFileId: "UF-1",
      recordId: "42",
      "cell.quantity": "1.25",
      other: "x",
    });
    expect(parsed).toEqual({ usageFileId: "UF-1", recordId: 42, cells: { quantity: "1.25" } });
  });

  it("refuses a cell longer than Excel allows", () => {
    expect(
      recordCorrectionInput.safeParse({ usageFileId: "UF-1", recordId: "1", "cell.record_note": "x".repeat(32_768) })
        .success,
    ).toBe(false);
  });

  it("refuses a cell the database could not store, as an upload's record would be invalid_character", () => {
    const parsed = recordCorrectionInput.safeParse({
      usageFileId: "UF-1",
      recordId: "1",
      "cell.record_id": "R150\u0000X",
    });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "A cell cannot hold a NUL character (U+0000) or half of a surrogate pair.",
    ]);
    expect(
      recordCorrectionInput.safeParse({ usageFileId: "UF-1", recordId: "1", "cell.record_id": "R150\uFFFDX" }).success,
    ).toBe(true);
  });
});

describe("applying edits to a record's cells", () => {
  it("keeps the other cells and reports only what changed", () => {
    const edited = applyCellEdits(storedCells, { quantity: "1.25", record_id: "R-1" });
    expect(edited).toEqual({
      ok: true,
      value: { cells: { ...storedCells, quantity: "1.25" }, changed: { quantity: "1.25" } },
    });
  });

  it("refuses a column the record does not have", () => {
    expect(applyCellEdits(storedCells, { amount: "3" })).toMatchObject({ ok: false, code: "invalid_input" });
  });
});

describe("checking a corrected record", () => {
  it("applies the upload's rules: the stored cells fail, the corrected ones pass with their custom column", () => {
    expect(validateRecordCells(catalog, 5, storedCells).errors).toEqual([
      expect.objectContaining({ column: "quantity", code: "too_many_decimals" }),
    ]);
    const corrected = validateRecordCells(catalog, 5, { ...storedCells, quantity: "1.25" });
    expect(corrected).toMatchObject({
      rowNumber: 5,
      errors: null,
      quantity: "1.25",
      itemId: item.id,
      subscriptionId: "AS-1",
      params: { "v.region": "eu" },
    });
  });

  it("finds new mistakes made while correcting", () => {
    const broken = validateRecordCells(catalog, 5, { ...storedCells, quantity: "1.25", asset_search_value: "EXT-9" });
    expect(broken.errors?.map((e) => e.code)).toEqual(["subscription_not_found"]);
  });
});
