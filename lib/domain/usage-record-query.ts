import { z } from "zod";
import { optionalChoice, optionalText, pageSizeParam, sortParam } from "./table-query";
import { usageRecordStatuses } from "./usage-file-status";
import { usageWarningCodes } from "./usage-warnings";
import { reviewFilters } from "./usage-disputes";

/** The record grid's sortable columns; each maps to one column of usage_records. */
export const usageRecordSortColumns = [
  "row",
  "record_id",
  "item",
  "subscription",
  "quantity",
  "start",
  "end",
  "amount",
  "tier",
  "category",
  "note",
] as const;
export type UsageRecordSortColumn = (typeof usageRecordSortColumns)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,20}(\.\d{1,8})?$/)
  .optional()
  .catch(undefined);

/** A checkbox-like param: `1` is on, anything else off. */
const flag = z
  .literal("1")
  .optional()
  .transform((value) => value === "1")
  .catch(false);

/** Where a page starts: after or before one row of the current order (keyset paging). */
export interface RecordCursor {
  /** The row's value in the sorted column, as text; null when empty. */
  value: string | null;
  id: number;
}

const decimalText = /^\d{1,40}(\.\d{1,40})?$/;

function isIsoTime(value: string): boolean {
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

/** What a value of each typed sort column looks like as text, so that a forged cursor is refused before the database casts it. */
const sortValueShapes: Partial<Record<UsageRecordSortColumn, (value: string) => boolean>> = {
  row: (value) => /^\d{1,16}$/.test(value),
  quantity: (value) => decimalText.test(value),
  amount: (value) => decimalText.test(value),
  tier: (value) => /^\d{1,4}$/.test(value),
  start: isIsoTime,
  end: isIsoTime,
};

/** Whether `value` (a cursor's, as text; null when empty) can be a value of the sorted `column`. */
export function fitsSortColumn(column: UsageRecordSortColumn, value: string | null): boolean {
  return value === null || sortValueShapes[column]?.(value) !== false;
}

/**
 * Cursors travel in the URL as `<id>` (a row whose sort value is empty) or `<id>~<value>`;
 * a mangled one means "the first page".
 */
const cursorParam = z
  .string()
  .optional()
  .transform((text): RecordCursor | undefined => (text ? decodeRecordCursor(text) : undefined))
  .catch(undefined);

export function encodeRecordCursor(cursor: RecordCursor): string {
  return cursor.value === null ? String(cursor.id) : `${cursor.id}~${cursor.value}`;
}

function decodeRecordCursor(text: string): RecordCursor | undefined {
  const match = /^(\d{1,15})(?:~(.*))?$/s.exec(text);
  if (!match) return undefined;
  return { id: Number(match[1]), value: match[2] ?? null };
}

/**
 * The record grid's URL state: page size, one sort, filters, a search over record id,
 * subscription and note, and a keyset position (`after` or `before` a row) instead of a page number.
 */
export const usageRecordListQuery = z
  .object({
    size: pageSizeParam,
    sort: sortParam(usageRecordSortColumns, { column: "row", desc: false }),
    q: optionalText,
    status: optionalChoice(usageRecordStatuses),
    item: optionalText,
    subscription: optionalText,
    /** Records whose window starts on or after this day (UTC). */
    from: day,
    /** Records whose window starts on or before this day (UTC). */
    to: day,
    minQuantity: decimal,
    maxQuantity: decimal,
    invalid: flag,
    /** Records carrying this warning. */
    warning: optionalChoice(usageWarningCodes),
    /** Records of the subscription × item pairs flagged as anomalous. */
    anomalies: flag,
    /** Records changed (or added) since the file's last rejection, or disputed by it (issue 21). */
    review: optionalChoice(reviewFilters),
    after: cursorParam,
    before: cursorParam,
    /** The position (1-based) of the `after` or `before` row in the filtered order, when the pager knows it. */
    at: z.coerce.number().int().min(1).max(1_000_000_000).optional().catch(undefined),
    /** The last page: as many rows as are left after the full pages before it. */
    last: flag,
    /** Column ids the viewer hid, comma-separated. */
    hide: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(",").filter(Boolean) : []))
      .catch([]),
  })
  // A cursor whose value cannot be one of the sorted column's (a mangled or hand-made link) means the first page.
  .transform((query) => ({
    ...query,
    after: query.after && fitsSortColumn(query.sort.column, query.after.value) ? query.after : undefined,
    before: query.before && fitsSortColumn(query.sort.column, query.before.value) ? query.before : undefined,
  }));
export type UsageRecordListQuery = z.output<typeof usageRecordListQuery>;

/** What narrows a file's records: the grid's filters, and the API's, which can also name an item by its MPN. */
export type UsageRecordFilters = Partial<
  Pick<
    UsageRecordListQuery,
    | "q"
    | "status"
    | "item"
    | "subscription"
    | "from"
    | "to"
    | "minQuantity"
    | "maxQuantity"
    | "invalid"
    | "warning"
    | "anomalies"
    | "review"
  >
> & { mpn?: string };

/** Whether the query narrows the file's records (then the total has to be counted). */
export function isFiltered(query: UsageRecordFilters): boolean {
  return Boolean(
    query.q ||
    query.status ||
    query.item ||
    query.mpn ||
    query.subscription ||
    query.from ||
    query.to ||
    query.minQuantity ||
    query.maxQuantity ||
    query.invalid ||
    query.warning ||
    query.anomalies ||
    query.review,
  );
}
