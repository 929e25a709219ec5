import type { UsageSchema } from "./catalog";
import { countDecimals, isNegative, parseDecimal, type DecimalText } from "./decimal";
import { quoteValue, type RecordError, type RecordErrorCode } from "./record-errors";
import type { CustomParamColumn, RecordColumnMap } from "./record-header";
import { formatSheetTime, parseSheetTime } from "./sheet-time";
import { firstUnstorableCharacter, isStorableText, storableText } from "./storable-text";
import {
  assetParameterPrefix,
  assetSearchCriteria,
  itemSearchCriteria,
  recordColumns,
  requiredRecordColumns,
  type ItemSearchCriterion,
  type RecordColumn,
} from "./usage-sheet";

export interface ItemRef {
  id: string;
  decimalPlaces: number;
}

/** `null` bounds are open-ended. */
export interface SubscriptionRef {
  id: string;
  activeFrom: number | null;
  activeTo: number | null;
  /** The accounts a TR record's tier 1 and tier 2 amounts are charged to; null when it has none. */
  tier1AccountId: string | null;
  tier2AccountId: string | null;
}

type SubscriptionsByValue = ReadonlyMap<string, readonly SubscriptionRef[]>;

/** What one file's records are checked against, built by the caller once per file. */
export interface CatalogIndex {
  schema: UsageSchema;
  /** Epoch ms, UTC, both inclusive: a record's start and end must lie within them. */
  periodFrom: number;
  periodTo: number;
  /** The items of the file's product; a key names one item. */
  items: {
    byId: ReadonlyMap<string, ItemRef>;
    byMpn: ReadonlyMap<string, ItemRef>;
    byLocalId: ReadonlyMap<string, ItemRef>;
  };
  /** The subscriptions of the file's product and contract. */
  subscriptions: {
    byId: SubscriptionsByValue;
    byExternalId: SubscriptionsByValue;
    byExternalUid: SubscriptionsByValue;
    /** Parameter name → parameter value → subscriptions. */
    byParameter: ReadonlyMap<string, SubscriptionsByValue>;
  };
  /** The category_id values of the categories sheet. */
  categories: ReadonlySet<string>;
}

export type Tier = 0 | 1 | 2;

/**
 * One row of the records sheet, read. Each value is the cell as read (trimmed, parsed, resolved),
 * kept even when a rule about it fails, or null when the cell is empty or cannot be read at all.
 * The record is valid when `errors` is null.
 */
export interface ValidatedRecord {
  rowNumber: number;
  recordId: string;
  note: string | null;
  itemId: string | null;
  subscriptionId: string | null;
  quantity: DecimalText | null;
  startTime: number | null;
  endTime: number | null;
  amount: DecimalText | null;
  tier: Tier | null;
  categoryId: string | null;
  /** Non-empty `v.*` / `p.*` cells by column name; null when there are none. */
  params: Record<string, string> | null;
  errors: RecordError[] | null;
}

export type RecordValidator = (rowNumber: number, values: readonly string[]) => ValidatedRecord;

/** SPEC §4 says only "number ≥ 0"; 8 decimals matches the finest item precision. */
const amountDecimalPlaces = 8;

/**
 * Builds the validator for one pass over one file's rows (SPEC §4). Each row is checked on its own:
 * a record_id repeated from an earlier row is found once the rows are loaded
 * (lib/server/usage-files/repeated-record-ids.ts), so that no set of a file's ids is held.
 */
export function createRecordValidator(catalog: CatalogIndex, columns: RecordColumnMap): RecordValidator {
  const layout: RowLayout = { index: columns.index, required: new Set(requiredRecordColumns(catalog.schema)) };
  const checkCharacters = characterChecker(columns);
  const findItem = itemFinder(catalog.items);
  const findSubscription = subscriptionFinder(catalog.subscriptions);

  return (rowNumber, cells) => {
    const values = cells.every(isStorableText) ? cells : cells.map(storableText);
    const row = new RecordRow(rowNumber, values, layout);
    if (values !== cells) checkCharacters(row, cells);
    const recordId = row.cell("record_id") ?? "";
    const note = row.cell("record_note");
    const item = findItem(row);
    const quantity = readQuantity(row, item);
    const window = readWindow(row, catalog);
    const subscription = findSubscription(row, window);
    const amount = readAmount(row);
    const tier = readTier(row);
    if (catalog.schema === "TR") checkTierAccount(row, tier, subscription);
    const categoryId = readCategory(row, catalog.categories);
    const params = readParams(values, columns.params);
    return {
      rowNumber,
      recordId,
      note,
      itemId: item?.id ?? null,
      subscriptionId: subscription?.id ?? null,
      quantity,
      startTime: window.start,
      endTime: window.end,
      amount,
      tier,
      categoryId,
      params,
      errors: row.errors,
    };
  };
}

interface RowLayout {
  index: Readonly<Record<RecordColumn, number>>;
  required: ReadonlySet<RecordColumn>;
}

/** One row's cells, and the errors found in them so far. */
class RecordRow {
  errors: RecordError[] | null = null;

  constructor(
    readonly rowNumber: number,
    private readonly values: readonly string[],
    private readonly layout: RowLayout,
  ) {}

  /** The trimmed cell, or null when it is empty; an empty required cell is an error. */
  cell(column: RecordColumn): string | null {
    const text = cellText(this.values, this.layout.index[column]);
    if (text !== "") return text;
    if (this.layout.required.has(column)) this.fail(column, "missing_value", `${column} is required but empty.`);
    return null;
  }

  /** `column` is a records column, or a custom one as its header names it. */
  fail(column: string, code: RecordErrorCode, message: string): void {
    (this.errors ??= []).push({ column, code, message });
  }
}

function cellText(values: readonly string[], index: number): string {
  return index < 0 ? "" : (values[index] ?? "").trim();
}

/**
 * A cell holding a character the database cannot store is invalid; the record is read, and kept,
 * with that character replaced (storable-text.ts), so that nothing of the row is lost.
 */
function characterChecker(columns: RecordColumnMap): (row: RecordRow, cells: readonly string[]) => void {
  const read = [
    ...recordColumns
      .filter((column) => columns.index[column] >= 0)
      .map((name) => ({ name, index: columns.index[name] })),
    ...columns.params,
  ];
  return (row, cells) => {
    for (const { name, index } of read) {
      const text = cellText(cells, index);
      if (!isStorableText(text)) row.fail(name, "invalid_character", invalidCharacterMessage(name, text));
    }
  };
}

function invalidCharacterMessage(column: string, text: string): string {
  const character = firstUnstorableCharacter(text);
  const what = character === "U+0000" ? "a NUL character (U+0000)," : `${character}, half of a UTF-16 surrogate pair,`;
  return `${column} ${quoteValue(text)} contains ${what} which cannot be stored; remove it.`;
}

/**
 * A record_id that an earlier row of the file already uses (SPEC §4: unique within the file). The
 * ingest writes the same error in SQL (lib/server/usage-files/repeated-record-ids.ts).
 */
export function duplicateRecordIdError(recordId: string, firstRow: number): RecordError {
  return {
    column: "record_id",
    code: "duplicate_record_id",
    message: `record_id ${quoteValue(recordId)} is already used on row ${firstRow}.`,
  };
}

function itemFinder(items: CatalogIndex["items"]): (row: RecordRow) => ItemRef | null {
  const mapsByCriterion: Record<ItemSearchCriterion, ReadonlyMap<string, ItemRef>> = {
    "item.mpn": items.byMpn,
    "item.local_id": items.byLocalId,
    "item.id": items.byId,
  };
  const byCriterion = new Map<string, ReadonlyMap<string, ItemRef>>(Object.entries(mapsByCriterion));

  return (row) => {
    const criterion = row.cell("item_search_criteria");
    const value = row.cell("item_search_value");
    if (criterion === null || value === null) return null;
    const byValue = byCriterion.get(criterion) ?? byCriterion.get(criterion.toLowerCase());
    if (byValue === undefined) {
      const message = `item_search_criteria ${quoteValue(criterion)} is not one of ${itemSearchCriteria.join(", ")}.`;
      row.fail("item_search_criteria", "invalid_search_criteria", message);
      return null;
    }
    const item = byValue.get(value);
    if (item === undefined) {
      row.fail("item_search_value", "item_not_found", `No item of this product has ${criterion} ${quoteValue(value)}.`);
      return null;
    }
    return item;
  };
}

function readQuantity(row: RecordRow, item: ItemRef | null): DecimalText | null {
  const quantity = readDecimalCell(row, "quantity");
  if (quantity !== null && item !== null && countDecimals(quantity) > item.decimalPlaces) {
    const allowed = item.decimalPlaces === 0 ? "whole numbers only" : `at most ${decimalsText(item.decimalPlaces)}`;
    const found = decimalsText(countDecimals(quantity));
    const message = `quantity ${quoteValue(quantity)} has ${found}; item ${item.id} takes ${allowed}.`;
    row.fail("quantity", "too_many_decimals", message);
  }
  return quantity;
}

function readAmount(row: RecordRow): DecimalText | null {
  const amount = readDecimalCell(row, "amount");
  if (amount !== null && countDecimals(amount) > amountDecimalPlaces) {
    const found = decimalsText(countDecimals(amount));
    const message = `amount ${quoteValue(amount)} has ${found}; at most ${amountDecimalPlaces} are allowed.`;
    row.fail("amount", "too_many_decimals", message);
  }
  return amount;
}

/** The cell's number, negative ones included (reported, and kept for the record to show). */
function readDecimalCell(row: RecordRow, column: "quantity" | "amount"): DecimalText | null {
  const text = row.cell(column);
  if (text === null) return null;
  const value = parseDecimal(text);
  if (value === null) {
    const hint = `write digits with "." as the decimal point, without "+", exponent or thousands separators`;
    row.fail(column, "not_a_number", `${column} ${quoteValue(text)} is not a number: ${hint}.`);
  } else if (isNegative(value)) {
    row.fail(column, "negative_number", `${column} ${quoteValue(text)} is negative; it must be 0 or more.`);
  }
  return value;
}

function decimalsText(count: number): string {
  return count === 1 ? "1 decimal" : `${count} decimals`;
}

interface RecordWindow {
  start: number | null;
  end: number | null;
}

type Period = Pick<CatalogIndex, "periodFrom" | "periodTo">;

function readWindow(row: RecordRow, period: Period): RecordWindow {
  const start = readTime(row, "start_time_utc");
  const end = readTime(row, "end_time_utc");
  if (start !== null) checkInPeriod(row, "start_time_utc", start, period);
  if (end !== null) checkInPeriod(row, "end_time_utc", end, period);
  if (start !== null && end !== null && start >= end) {
    const message = `end_time_utc ${formatSheetTime(end)} is not after start_time_utc ${formatSheetTime(start)}.`;
    row.fail("end_time_utc", "end_not_after_start", message);
  }
  return { start, end };
}

type TimeColumn = "start_time_utc" | "end_time_utc";

function readTime(row: RecordRow, column: TimeColumn): number | null {
  const text = row.cell(column);
  if (text === null) return null;
  const time = parseSheetTime(text);
  if (time.ok) return time.epochMs;
  row.fail(column, "invalid_time", `${column} ${quoteValue(text)} is not a date and time: ${time.reason}.`);
  return null;
}

function checkInPeriod(row: RecordRow, column: TimeColumn, time: number, { periodFrom, periodTo }: Period): void {
  if (time >= periodFrom && time <= periodTo) return;
  const period = `${formatSheetTime(periodFrom)} to ${formatSheetTime(periodTo)}`;
  row.fail(column, "outside_period", `${column} ${formatSheetTime(time)} is outside the file's period, ${period}.`);
}

function subscriptionFinder(
  subscriptions: CatalogIndex["subscriptions"],
): (row: RecordRow, window: RecordWindow) => SubscriptionRef | null {
  const mapsByCriterion: Record<(typeof assetSearchCriteria)[number], SubscriptionsByValue> = {
    "asset.id": subscriptions.byId,
    "asset.external_id": subscriptions.byExternalId,
    "asset.external_uid": subscriptions.byExternalUid,
  };
  const byCriterion = new Map<string, SubscriptionsByValue>(Object.entries(mapsByCriterion));
  for (const [name, byValue] of subscriptions.byParameter) byCriterion.set(assetParameterPrefix + name, byValue);

  return (row, window) => {
    const written = row.cell("asset_search_criteria");
    const value = row.cell("asset_search_value");
    if (written === null || value === null) return null;
    const criterion = byCriterion.has(written) ? written : canonicalAssetCriterion(written);
    if (criterion === null) {
      const accepted = [...assetSearchCriteria, `${assetParameterPrefix}<name>`].join(", ");
      const message = `asset_search_criteria ${quoteValue(written)} is not one of ${accepted}.`;
      row.fail("asset_search_criteria", "invalid_search_criteria", message);
      return null;
    }
    const candidates = byCriterion.get(criterion)?.get(value) ?? [];
    if (candidates.length === 0) {
      const message = `No subscription of this product and contract has ${criterion} ${quoteValue(value)}.`;
      row.fail("asset_search_value", "subscription_not_found", message);
      return null;
    }
    return pickActiveSubscription(row, criterion, value, candidates, window);
  };
}

/** Criteria are matched without regard to case, except a parameter's own name. */
function canonicalAssetCriterion(written: string): string | null {
  const lower = written.toLowerCase();
  if (lower.startsWith(assetParameterPrefix)) {
    const name = written.slice(assetParameterPrefix.length);
    return name === "" ? null : assetParameterPrefix + name;
  }
  return assetSearchCriteria.find((criterion) => criterion === lower) ?? null;
}

/**
 * The one candidate active throughout the record's window. Without a readable window (its own
 * error already), only a single candidate can be told apart.
 */
function pickActiveSubscription(
  row: RecordRow,
  criterion: string,
  value: string,
  candidates: readonly SubscriptionRef[],
  { start, end }: RecordWindow,
): SubscriptionRef | null {
  if (start === null || end === null) return soleCandidate(candidates);
  let active: SubscriptionRef | null = null;
  for (const candidate of candidates) {
    if (!isActiveThroughout(candidate, start, end)) continue;
    if (active !== null) {
      const message = ambiguousMessage(`${criterion} ${quoteValue(value)}`, candidates, start, end);
      row.fail("asset_search_value", "subscription_ambiguous", message);
      return null;
    }
    active = candidate;
  }
  if (active !== null) return active;
  const message = inactiveMessage(`${criterion} ${quoteValue(value)}`, candidates, start, end);
  row.fail("asset_search_value", "subscription_inactive", message);
  // An inactive single match still tells the vendor which subscription the row meant.
  return soleCandidate(candidates);
}

function soleCandidate(subscriptions: readonly SubscriptionRef[]): SubscriptionRef | null {
  return subscriptions.length === 1 ? (subscriptions[0] ?? null) : null;
}

function isActiveThroughout(subscription: SubscriptionRef, start: number, end: number): boolean {
  const { activeFrom, activeTo } = subscription;
  return (activeFrom === null || activeFrom <= start) && (activeTo === null || end <= activeTo);
}

function ambiguousMessage(
  searched: string,
  candidates: readonly SubscriptionRef[],
  start: number,
  end: number,
): string {
  const active = candidates.filter((candidate) => isActiveThroughout(candidate, start, end));
  const window = windowText(start, end);
  return `${searched} matches ${active.length} subscriptions active from ${window}: ${listIds(active)}.`;
}

function inactiveMessage(searched: string, candidates: readonly SubscriptionRef[], start: number, end: number): string {
  const window = windowText(start, end);
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    const actual = activeText(only);
    return `Subscription ${only.id} (${searched}) is not active throughout ${window}: it is active ${actual}.`;
  }
  const matches = `${candidates.length} subscriptions with ${searched} (${listIds(candidates)})`;
  return `None of the ${matches} is active throughout ${window}.`;
}

function windowText(start: number, end: number): string {
  return `${formatSheetTime(start)} to ${formatSheetTime(end)}`;
}

function activeText({ activeFrom, activeTo }: SubscriptionRef): string {
  if (activeFrom === null) return activeTo === null ? "always" : `until ${formatSheetTime(activeTo)}`;
  return activeTo === null ? `from ${formatSheetTime(activeFrom)}` : `from ${windowText(activeFrom, activeTo)}`;
}

const idsListed = 5;

function listIds(subscriptions: readonly SubscriptionRef[]): string {
  const shown = subscriptions
    .slice(0, idsListed)
    .map((subscription) => subscription.id)
    .join(", ");
  const more = subscriptions.length - idsListed;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function readCategory(row: RecordRow, categories: ReadonlySet<string>): string | null {
  const categoryId = row.cell("category_id");
  if (categoryId !== null && !categories.has(categoryId)) {
    const message = `category_id ${quoteValue(categoryId)} is not listed on the categories sheet.`;
    row.fail("category_id", "unknown_category", message);
  }
  return categoryId;
}

const tiersByText: ReadonlyMap<string, Tier> = new Map([
  ["0", 0],
  ["1", 1],
  ["2", 2],
]);

function readTier(row: RecordRow): Tier | null {
  const text = row.cell("tier");
  if (text === null) return null;
  const tier = tiersByText.get(text);
  if (tier === undefined) {
    row.fail("tier", "invalid_tier", `tier ${quoteValue(text)} is not 0 (customer), 1 (tier 1) or 2 (tier 2).`);
    return null;
  }
  return tier;
}

/** A TR record charged to tier 1 or 2 needs a subscription with an account at that tier. */
function checkTierAccount(row: RecordRow, tier: Tier | null, subscription: SubscriptionRef | null): void {
  if (subscription === null || (tier !== 1 && tier !== 2)) return;
  const account = tier === 1 ? subscription.tier1AccountId : subscription.tier2AccountId;
  if (account !== null) return;
  const message = `Subscription ${subscription.id} has no tier ${tier} account: a tier ${tier} record needs one.`;
  row.fail("tier", "tier_account_missing", message);
}

function readParams(values: readonly string[], columns: readonly CustomParamColumn[]): Record<string, string> | null {
  let params: Record<string, string> | null = null;
  for (const { name, index } of columns) {
    const value = cellText(values, index);
    if (value !== "") (params ??= {})[name] = value;
  }
  return params;
}
