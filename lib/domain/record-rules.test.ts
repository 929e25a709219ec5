import { describe, expect, it } from "vitest";
import type { UsageSchema } from "./catalog";
import type { RecordError } from "./record-errors";
import { mapRecordHeader } from "./record-header";
import {
  createRecordValidator,
  type CatalogIndex,
  type ItemRef,
  type SubscriptionRef,
  type ValidatedRecord,
} from "./record-rules";
import { recordColumns, type RecordColumn } from "./usage-sheet";

const utc = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);

const wholeItem: ItemRef = { id: "PRD-100-0001", decimalPlaces: 0 };
const centsItem: ItemRef = { id: "PRD-100-0002", decimalPlaces: 2 };
const fineItem: ItemRef = { id: "PRD-100-0003", decimalPlaces: 8 };

const noTiers = { tier1AccountId: null, tier2AccountId: null };
const alwaysActive: SubscriptionRef = { id: "AS-0001", activeFrom: null, activeTo: null, ...noTiers };
const endsMidMonth: SubscriptionRef = {
  id: "AS-0002",
  activeFrom: null,
  activeTo: utc("2026-01-15 00:00:00"),
  ...noTiers,
};
const startsMidMonth: SubscriptionRef = {
  id: "AS-0003",
  activeFrom: utc("2026-01-15 00:00:00"),
  activeTo: null,
  ...noTiers,
};
const startsLate: SubscriptionRef = {
  id: "AS-0004",
  activeFrom: utc("2026-01-20 00:00:00"),
  activeTo: null,
  ...noTiers,
};
const alsoGold: SubscriptionRef = { id: "AS-0005", activeFrom: utc("2025-06-01 00:00:00"), activeTo: null, ...noTiers };
const tierOneOnly: SubscriptionRef = {
  id: "AS-0006",
  activeFrom: null,
  activeTo: null,
  tier1AccountId: "ACC-T1",
  tier2AccountId: null,
};
const bothTiers: SubscriptionRef = {
  id: "AS-0007",
  activeFrom: null,
  activeTo: null,
  tier1AccountId: "ACC-T1",
  tier2AccountId: "ACC-T2",
};

const byValue = <T>(entries: [string, T][]) => new Map(entries);

function catalogFor(schema: UsageSchema): CatalogIndex {
  return {
    schema,
    periodFrom: utc("2026-01-01 00:00:00"),
    periodTo: utc("2026-02-01 00:00:00"),
    items: {
      byId: byValue([wholeItem, centsItem, fineItem].map((item) => [item.id, item])),
      byMpn: byValue([
        ["MPN-WHOLE", wholeItem],
        ["MPN-CENTS", centsItem],
        ["MPN-FINE", fineItem],
      ]),
      byLocalId: byValue([["cents", centsItem]]),
    },
    subscriptions: {
      byId: byValue(
        [alwaysActive, endsMidMonth, startsMidMonth, startsLate, tierOneOnly, bothTiers].map((s) => [s.id, [s]]),
      ),
      byExternalId: byValue([
        ["EXT-1", [alwaysActive]],
        ["EXT-LATE", [startsLate]],
      ]),
      byExternalUid: byValue([["uid-1", [alwaysActive]]]),
      byParameter: byValue([
        ["customer", byValue([["C-1", [alwaysActive]]])],
        ["site", byValue([["S-1", [endsMidMonth, startsMidMonth]]])],
        ["plan", byValue([["gold", [alwaysActive, alsoGold]]])],
      ]),
    },
    categories: new Set(["compute", "storage"]),
  };
}

type Cells = Partial<Record<RecordColumn, string>> & Record<string, string | undefined>;

const validCells: Cells = {
  record_id: "R-1",
  item_search_criteria: "item.mpn",
  item_search_value: "MPN-CENTS",
  quantity: "12.5",
  start_time_utc: "2026-01-10 00:00:00",
  end_time_utc: "2026-01-11 00:00:00",
  asset_search_criteria: "asset.id",
  asset_search_value: "AS-0001",
  amount: "100.25",
  tier: "0",
};

const fullHeader = [...recordColumns, "v.region", "p.cost_center"];

function mapHeader(header: string[], schema: UsageSchema) {
  const mapping = mapRecordHeader(header, schema);
  if (!mapping.ok) throw new Error(`test setup: ${JSON.stringify(mapping.errors)}`);
  return mapping.columns;
}

/** Validates rows in sheet order, from row 2, as the ingest does for one file. */
function validatorFor(schema: UsageSchema = "TR", header: string[] = fullHeader) {
  const validate = createRecordValidator(catalogFor(schema), mapHeader(header, schema));
  let rowNumber = 1;
  return (cells: Cells = {}): ValidatedRecord => {
    const merged: Cells = { ...validCells, ...cells };
    rowNumber++;
    return validate(
      rowNumber,
      header.map((name) => merged[name] ?? ""),
    );
  };
}

function validateOne(cells: Cells, schema: UsageSchema = "TR"): ValidatedRecord {
  return validatorFor(schema)(cells);
}

function codesOf(record: ValidatedRecord): [string, string][] {
  return (record.errors ?? []).map((error) => [error.column, error.code]);
}

function onlyError(record: ValidatedRecord): RecordError {
  expect(record.errors).toHaveLength(1);
  const [error] = record.errors ?? [];
  if (!error) throw new Error("unreachable");
  return error;
}

describe("a valid row", () => {
  it("is read into typed values with no errors", () => {
    const record = validateOne({ quantity: "012.50", record_note: " first hour ", category_id: "compute" });
    expect(record).toEqual({
      rowNumber: 2,
      recordId: "R-1",
      note: "first hour",
      itemId: "PRD-100-0002",
      subscriptionId: "AS-0001",
      quantity: "12.5",
      startTime: utc("2026-01-10 00:00:00"),
      endTime: utc("2026-01-11 00:00:00"),
      amount: "100.25",
      tier: 0,
      categoryId: "compute",
      params: null,
      errors: null,
    });
  });

  it("is read from trimmed cells", () => {
    const record = validateOne({ record_id: " R-7 ", item_search_value: " MPN-CENTS ", quantity: " 3 " });
    expect(record.errors).toBeNull();
    expect([record.recordId, record.itemId, record.quantity]).toEqual(["R-7", "PRD-100-0002", "3"]);
  });

  it("may be shorter than the header: missing trailing cells are empty", () => {
    const validate = createRecordValidator(catalogFor("QT"), mapHeader(fullHeader, "QT"));
    const values = fullHeader.slice(0, 9).map((name) => validCells[name] ?? "");
    const record = validate(2, values);
    expect(record.errors).toBeNull();
    expect([record.amount, record.tier, record.params]).toEqual([null, null, null]);
  });
});

describe("required values", () => {
  it.each([
    "record_id",
    "item_search_criteria",
    "item_search_value",
    "quantity",
    "start_time_utc",
    "end_time_utc",
    "asset_search_criteria",
    "asset_search_value",
  ] as const)("%s may not be empty", (column) => {
    const error = onlyError(validateOne({ [column]: "  " }, "QT"));
    expect(error).toEqual({ column, code: "missing_value", message: `${column} is required but empty.` });
  });

  it.each(["TR", "PR", "CR"] as const)("amount is required for %s", (schema) => {
    expect(codesOf(validateOne({ amount: "" }, schema))).toEqual([["amount", "missing_value"]]);
  });

  it("amount may be empty for QT", () => {
    const record = validateOne({ amount: "" }, "QT");
    expect(record.errors).toBeNull();
    expect(record.amount).toBeNull();
  });

  it("tier is required for TR only", () => {
    expect(codesOf(validateOne({ tier: "" }, "TR"))).toEqual([["tier", "missing_value"]]);
    for (const schema of ["QT", "PR", "CR"] as const) {
      const record = validateOne({ tier: "" }, schema);
      expect(record.errors).toBeNull();
      expect(record.tier).toBeNull();
    }
  });

  it("keeps every error of a row, not just the first", () => {
    const record = validateOne({ record_id: "", quantity: "-1", tier: "9", category_id: "gpu" });
    expect(codesOf(record)).toEqual([
      ["record_id", "missing_value"],
      ["quantity", "negative_number"],
      ["tier", "invalid_tier"],
      ["category_id", "unknown_category"],
    ]);
  });
});

describe("item search", () => {
  it.each([
    ["item.mpn", "MPN-WHOLE", "PRD-100-0001"],
    ["item.local_id", "cents", "PRD-100-0002"],
    ["item.id", "PRD-100-0003", "PRD-100-0003"],
    ["Item.MPN", "MPN-WHOLE", "PRD-100-0001"],
  ])("%s %j finds %s", (criterion, value, itemId) => {
    const record = validateOne({ item_search_criteria: criterion, item_search_value: value, quantity: "1" });
    expect(record.errors).toBeNull();
    expect(record.itemId).toBe(itemId);
  });

  it("refuses an unknown criteria, naming it and the accepted ones", () => {
    const error = onlyError(validateOne({ item_search_criteria: "item.sku" }));
    expect(error).toEqual({
      column: "item_search_criteria",
      code: "invalid_search_criteria",
      message: 'item_search_criteria "item.sku" is not one of item.mpn, item.local_id, item.id.',
    });
  });

  it.each([
    ["item.mpn", "MPN-NONE"],
    ["item.mpn", "mpn-cents"],
    ["item.local_id", "MPN-CENTS"],
    ["item.id", "PRD-999-0001"],
  ])("reports %s %j as not found, naming the value", (criterion, value) => {
    const error = onlyError(validateOne({ item_search_criteria: criterion, item_search_value: value }));
    expect(error.column).toBe("item_search_value");
    expect(error.code).toBe("item_not_found");
    expect(error.message).toBe(`No item of this product has ${criterion} "${value}".`);
  });
});

describe("quantity", () => {
  it.each([
    ["MPN-WHOLE", "3"],
    ["MPN-WHOLE", "3.000"],
    ["MPN-WHOLE", "0"],
    ["MPN-CENTS", "1.25"],
    ["MPN-CENTS", "1.250"],
    ["MPN-FINE", "0.00000001"],
    ["MPN-FINE", "123456789012345.12345678"],
  ])("for %s accepts %j", (mpn, quantity) => {
    expect(validateOne({ item_search_value: mpn, quantity }).errors).toBeNull();
  });

  it.each([
    ["MPN-WHOLE", "3.5", 'quantity "3.5" has 1 decimal; item PRD-100-0001 takes whole numbers only.'],
    ["MPN-CENTS", "1.255", 'quantity "1.255" has 3 decimals; item PRD-100-0002 takes at most 2 decimals.'],
    ["MPN-FINE", "0.000000001", 'quantity "0.000000001" has 9 decimals; item PRD-100-0003 takes at most 8 decimals.'],
  ])("for %s refuses %j: more decimals than the item's precision", (mpn, quantity, message) => {
    const error = onlyError(validateOne({ item_search_value: mpn, quantity }));
    expect(error).toEqual({ column: "quantity", code: "too_many_decimals", message });
  });

  it.each(["1,5", "abc", "1e3", "+3", "1 000", "12.5kg"])("refuses %j as not a number, naming it", (quantity) => {
    const error = onlyError(validateOne({ quantity }));
    expect(error.code).toBe("not_a_number");
    expect(error.message).toContain(`quantity ${JSON.stringify(quantity)} is not a number`);
  });

  it("refuses a negative quantity, naming it", () => {
    const error = onlyError(validateOne({ quantity: "-0.5" }));
    expect(error).toEqual({
      column: "quantity",
      code: "negative_number",
      message: 'quantity "-0.5" is negative; it must be 0 or more.',
    });
  });

  it("accepts minus zero as zero", () => {
    const record = validateOne({ quantity: "-0" });
    expect(record.errors).toBeNull();
    expect(record.quantity).toBe("0");
  });

  it("is only checked for being a number when the item is not found", () => {
    const record = validateOne({ item_search_value: "MPN-NONE", quantity: "1.123456" });
    expect(codesOf(record)).toEqual([["item_search_value", "item_not_found"]]);
  });
});

describe("start and end times", () => {
  it("accepts ISO 8601 with an offset and date-only values", () => {
    const record = validateOne({ start_time_utc: "2026-01-10T02:00:00+02:00", end_time_utc: "2026-01-11" });
    expect(record.errors).toBeNull();
    expect(record.startTime).toBe(utc("2026-01-10 00:00:00"));
    expect(record.endTime).toBe(utc("2026-01-11 00:00:00"));
  });

  it("refuses an impossible date, naming the value and the reason", () => {
    const error = onlyError(validateOne({ end_time_utc: "2026-02-30 00:00:00" }));
    expect(error).toEqual({
      column: "end_time_utc",
      code: "invalid_time",
      message: 'end_time_utc "2026-02-30 00:00:00" is not a date and time: 2026-02-30 is not a calendar date.',
    });
  });

  it("refuses a value in another format", () => {
    const error = onlyError(validateOne({ start_time_utc: "10/01/2026 00:00" }));
    expect(error.code).toBe("invalid_time");
    expect(error.message).toContain('start_time_utc "10/01/2026 00:00" is not a date and time');
  });

  it.each([
    ["2026-01-11 00:00:00", "2026-01-10 00:00:00"],
    ["2026-01-10 00:00:00", "2026-01-10 00:00:00"],
  ])("refuses start %s with end %s: the end must come after the start", (start, end) => {
    const error = onlyError(validateOne({ start_time_utc: start, end_time_utc: end }));
    expect(error).toEqual({
      column: "end_time_utc",
      code: "end_not_after_start",
      message: `end_time_utc ${end} is not after start_time_utc ${start}.`,
    });
  });

  it("accepts a window that fills the period exactly", () => {
    const record = validateOne({ start_time_utc: "2026-01-01 00:00:00", end_time_utc: "2026-02-01 00:00:00" });
    expect(record.errors).toBeNull();
  });

  it("refuses a start one millisecond before the period, naming the value and the period", () => {
    const error = onlyError(validateOne({ start_time_utc: "2025-12-31T23:59:59.999Z" }));
    expect(error).toEqual({
      column: "start_time_utc",
      code: "outside_period",
      message:
        "start_time_utc 2025-12-31 23:59:59.999 is outside the file's period, " +
        "2026-01-01 00:00:00 to 2026-02-01 00:00:00.",
    });
  });

  it("refuses an end one second after the period", () => {
    const error = onlyError(validateOne({ end_time_utc: "2026-02-01 00:00:01" }));
    expect([error.column, error.code]).toEqual(["end_time_utc", "outside_period"]);
    expect(error.message).toContain("end_time_utc 2026-02-01 00:00:01 is outside the file's period");
  });
});

describe("subscription search", () => {
  it.each([
    ["asset.id", "AS-0001"],
    ["asset.external_id", "EXT-1"],
    ["asset.external_uid", "uid-1"],
    ["parameter.customer", "C-1"],
    ["Asset.External_ID", "EXT-1"],
    ["PARAMETER.customer", "C-1"],
  ])("%s %j finds the subscription", (criterion, value) => {
    const record = validateOne({ asset_search_criteria: criterion, asset_search_value: value });
    expect(record.errors).toBeNull();
    expect(record.subscriptionId).toBe("AS-0001");
  });

  it.each(["asset.name", "parameter.", "customer"])("refuses the criteria %j, naming it", (criterion) => {
    const error = onlyError(validateOne({ asset_search_criteria: criterion }));
    expect(error).toEqual({
      column: "asset_search_criteria",
      code: "invalid_search_criteria",
      message:
        `asset_search_criteria "${criterion}" is not one of ` +
        "asset.id, asset.external_id, asset.external_uid, parameter.<name>.",
    });
  });

  it.each([
    ["asset.id", "AS-9999"],
    ["asset.external_id", "ext-1"],
    ["parameter.customer", "C-2"],
    ["parameter.Customer", "C-1"],
    ["parameter.color", "red"],
  ])("reports %s %j as not found, naming the value", (criterion, value) => {
    const record = validateOne({ asset_search_criteria: criterion, asset_search_value: value });
    expect(onlyError(record)).toEqual({
      column: "asset_search_value",
      code: "subscription_not_found",
      message: `No subscription of this product and contract has ${criterion} "${value}".`,
    });
    expect(record.subscriptionId).toBeNull();
  });

  it("refuses a subscription that is not active throughout the window, naming it and when it is active", () => {
    const record = validateOne({ asset_search_criteria: "asset.external_id", asset_search_value: "EXT-LATE" });
    expect(onlyError(record)).toEqual({
      column: "asset_search_value",
      code: "subscription_inactive",
      message:
        'Subscription AS-0004 (asset.external_id "EXT-LATE") is not active throughout ' +
        "2026-01-10 00:00:00 to 2026-01-11 00:00:00: it is active from 2026-01-20 00:00:00.",
    });
    expect(record.subscriptionId).toBe("AS-0004");
  });

  it("refuses a window that begins before the subscription does", () => {
    const record = validateOne({
      asset_search_value: "AS-0004",
      start_time_utc: "2026-01-19 23:00:00",
      end_time_utc: "2026-01-20 01:00:00",
    });
    expect(codesOf(record)).toEqual([["asset_search_value", "subscription_inactive"]]);
  });

  it("accepts a window that touches the subscription's bounds", () => {
    const startsWithIt = validateOne({
      asset_search_value: "AS-0004",
      start_time_utc: "2026-01-20 00:00:00",
      end_time_utc: "2026-01-21 00:00:00",
    });
    const endsWithIt = validateOne({
      asset_search_value: "AS-0002",
      start_time_utc: "2026-01-14 00:00:00",
      end_time_utc: "2026-01-15 00:00:00",
    });
    expect([startsWithIt.errors, endsWithIt.errors]).toEqual([null, null]);
  });

  it.each([
    ["2026-01-10 00:00:00", "2026-01-11 00:00:00", "AS-0002"],
    ["2026-01-20 00:00:00", "2026-01-21 00:00:00", "AS-0003"],
  ])("picks, among subscriptions sharing a parameter value, the one active from %s to %s", (start, end, id) => {
    const record = validateOne({
      asset_search_criteria: "parameter.site",
      asset_search_value: "S-1",
      start_time_utc: start,
      end_time_utc: end,
    });
    expect(record.errors).toBeNull();
    expect(record.subscriptionId).toBe(id);
  });

  it("refuses a window that no single subscription covers, naming the candidates", () => {
    const record = validateOne({
      asset_search_criteria: "parameter.site",
      asset_search_value: "S-1",
      start_time_utc: "2026-01-14 00:00:00",
      end_time_utc: "2026-01-16 00:00:00",
    });
    expect(onlyError(record)).toEqual({
      column: "asset_search_value",
      code: "subscription_inactive",
      message:
        'None of the 2 subscriptions with parameter.site "S-1" (AS-0002, AS-0003) is active throughout ' +
        "2026-01-14 00:00:00 to 2026-01-16 00:00:00.",
    });
    expect(record.subscriptionId).toBeNull();
  });

  it("refuses a parameter value that matches several active subscriptions, naming them", () => {
    const record = validateOne({ asset_search_criteria: "parameter.plan", asset_search_value: "gold" });
    expect(onlyError(record)).toEqual({
      column: "asset_search_value",
      code: "subscription_ambiguous",
      message:
        'parameter.plan "gold" matches 2 subscriptions active from 2026-01-10 00:00:00 to 2026-01-11 00:00:00: ' +
        "AS-0001, AS-0005.",
    });
    expect(record.subscriptionId).toBeNull();
  });

  it("still resolves a single match when the window cannot be read, leaving the error to the time cell", () => {
    const record = validateOne({ asset_search_value: "AS-0004", start_time_utc: "soon" });
    expect(codesOf(record)).toEqual([["start_time_utc", "invalid_time"]]);
    expect(record.subscriptionId).toBe("AS-0004");
  });

  it("leaves several matches unresolved when the window cannot be read", () => {
    const record = validateOne({
      asset_search_criteria: "parameter.site",
      asset_search_value: "S-1",
      end_time_utc: "",
    });
    expect(codesOf(record)).toEqual([["end_time_utc", "missing_value"]]);
    expect(record.subscriptionId).toBeNull();
  });
});

describe("category_id", () => {
  it("may be empty", () => {
    const record = validateOne({ category_id: "" });
    expect(record.errors).toBeNull();
    expect(record.categoryId).toBeNull();
  });

  it("must be listed on the categories sheet, with its case", () => {
    expect(validateOne({ category_id: "storage" }).categoryId).toBe("storage");
    const error = onlyError(validateOne({ category_id: "Storage" }));
    expect(error).toEqual({
      column: "category_id",
      code: "unknown_category",
      message: 'category_id "Storage" is not listed on the categories sheet.',
    });
  });
});

describe("amount", () => {
  it.each(["0", "100", "0.12345678", "1000000.5"])("accepts %j", (amount) => {
    expect(validateOne({ amount }).errors).toBeNull();
  });

  it("is kept exact and normalized", () => {
    expect(validateOne({ amount: "0100.2500" }).amount).toBe("100.25");
  });

  it("refuses more than 8 decimals, naming the value", () => {
    const error = onlyError(validateOne({ amount: "1.123456789" }, "PR"));
    expect(error).toEqual({
      column: "amount",
      code: "too_many_decimals",
      message: 'amount "1.123456789" has 9 decimals; at most 8 are allowed.',
    });
  });

  it.each(["TR", "PR", "CR", "QT"] as const)("must be a number ≥ 0 for %s, even where it is optional", (schema) => {
    expect(codesOf(validateOne({ amount: "-3" }, schema))).toEqual([["amount", "negative_number"]]);
    const error = onlyError(validateOne({ amount: "12,00" }, schema));
    expect(error.code).toBe("not_a_number");
    expect(error.message).toContain('amount "12,00" is not a number');
  });

  it("is kept for QT when given", () => {
    const record = validateOne({ amount: "5.5" }, "QT");
    expect(record.errors).toBeNull();
    expect(record.amount).toBe("5.5");
  });
});

describe("tier", () => {
  it.each([
    ["0", 0],
    ["1", 1],
    ["2", 2],
  ])("reads %j as tier %i", (text, tier) => {
    expect(validateOne({ tier: text }).tier).toBe(tier);
  });

  it.each(["3", "-1", "1.0", "one", "01"])("refuses %j for TR, naming it", (tier) => {
    const record = validateOne({ tier });
    expect(onlyError(record)).toEqual({
      column: "tier",
      code: "invalid_tier",
      message: `tier "${tier}" is not 0 (customer), 1 (tier 1) or 2 (tier 2).`,
    });
    expect(record.tier).toBeNull();
  });

  it.each(["QT", "PR", "CR"] as const)("must also be 0, 1 or 2 when given for %s", (schema) => {
    expect(validateOne({ tier: "1" }, schema).tier).toBe(1);
    expect(codesOf(validateOne({ tier: "5" }, schema))).toEqual([["tier", "invalid_tier"]]);
  });
});

describe("tier accounts (TR)", () => {
  const onSubscription = (id: string, tier: string) => ({ asset_search_value: id, tier });

  it.each([
    ["1", "AS-0001"],
    ["2", "AS-0001"],
    ["2", "AS-0006"],
  ])("refuses tier %s on %s, which has no account at that tier, naming the subscription", (tier, id) => {
    const record = validateOne(onSubscription(id, tier));
    expect(onlyError(record)).toEqual({
      column: "tier",
      code: "tier_account_missing",
      message: `Subscription ${id} has no tier ${tier} account: a tier ${tier} record needs one.`,
    });
    expect([record.subscriptionId, record.tier]).toEqual([id, Number(tier)]);
  });

  it.each([
    ["0", "AS-0001"],
    ["1", "AS-0006"],
    ["1", "AS-0007"],
    ["2", "AS-0007"],
  ])("accepts tier %s on %s", (tier, id) => {
    expect(validateOne(onSubscription(id, tier)).errors).toBeNull();
  });

  it("also names the inactive subscription the row meant", () => {
    const record = validateOne({ ...onSubscription("AS-0004", "1"), start_time_utc: "2026-01-10 00:00:00" });
    expect(codesOf(record)).toEqual([
      ["asset_search_value", "subscription_inactive"],
      ["tier", "tier_account_missing"],
    ]);
  });

  it.each(["QT", "PR", "CR"] as const)("is a TR rule: a %s record's tier charges no account", (schema) => {
    expect(validateOne(onSubscription("AS-0001", "2"), schema).errors).toBeNull();
  });
});

describe("custom params", () => {
  it("collects the non-empty v.* and p.* cells by column name", () => {
    const record = validateOne({ "v.region": " eu-west ", "p.cost_center": "" });
    expect(record.params).toEqual({ "v.region": "eu-west" });
  });

  it("is null when every param cell is empty", () => {
    expect(validateOne({}).params).toBeNull();
  });

  it("keeps the header's spelling of the name", () => {
    const header = [...fullHeader.slice(0, 12), "V.Region"];
    const record = validatorFor("TR", header)({ "V.Region": "eu" });
    expect(record.params).toEqual({ "V.Region": "eu" });
  });
});

describe("characters the database cannot store", () => {
  it("make the cell invalid, naming the column, the value and the character", () => {
    const record = validateOne({ record_note: "rack 4\u0000 west" });
    expect(onlyError(record)).toEqual({
      column: "record_note",
      code: "invalid_character",
      message: 'record_note "rack 4\\u0000 west" contains a NUL character (U+0000), which cannot be stored; remove it.',
    });
    expect(record.note).toBe("rack 4\uFFFD west");
  });

  it("are found in every column read, custom ones included, and replaced in what the record keeps", () => {
    const record = validateOne({ record_id: "R150\u0000X", "v.region": "eu\u0000", tier: "1\u0000" });
    expect(codesOf(record)).toEqual([
      ["record_id", "invalid_character"],
      ["tier", "invalid_character"],
      ["v.region", "invalid_character"],
      ["tier", "invalid_tier"],
    ]);
    expect([record.recordId, record.params]).toEqual(["R150\uFFFDX", { "v.region": "eu\uFFFD" }]);
  });

  it("include half of a surrogate pair, which Excel can write as _xD83D_", () => {
    const error = onlyError(validateOne({ record_note: "smile \uD83D" }));
    expect(error).toMatchObject({ column: "record_note", code: "invalid_character" });
    expect(error.message).toContain("contains U+D83D, half of a UTF-16 surrogate pair, which cannot be stored");
    expect(validateOne({ record_note: "smile 😀" }).errors).toBeNull();
  });

  it("are no error in a column that is not read", () => {
    const header = [...fullHeader, ""];
    const validate = createRecordValidator(catalogFor("TR"), mapHeader(header, "TR"));
    const record = validate(
      2,
      header.map((name) => (name === "" ? "\u0000" : (validCells[name] ?? ""))),
    );
    expect(record.errors).toBeNull();
  });
});
