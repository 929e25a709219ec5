import "server-only";
import type { CsvLines } from "@/db/copy";
import { isNegative, type DecimalText } from "@/lib/domain/decimal";
import type { ValidatedRecord } from "@/lib/domain/record-rules";

/** The usage_records columns a file's records are bulk-loaded into, in the order of `writeRecordCopyRow`. */
export const recordCopyColumns = [
  "usage_file_id",
  "generation",
  "row_number",
  "record_id",
  "note",
  "item_id",
  "subscription_id",
  "quantity",
  "start_time",
  "end_time",
  "amount",
  "tier",
  "category_id",
  "params",
  "errors",
  "sheet_cells",
] as const;

/** Record windows repeat (the hours and days of one period): each distinct time is formatted once. */
const isoTimes = new Map<number, string>();
const maxCachedTimes = 100_000;

function isoTime(epochMs: number | null): string | null {
  if (epochMs === null) return null;
  let text = isoTimes.get(epochMs);
  if (text === undefined) {
    if (isoTimes.size >= maxCachedTimes) isoTimes.clear();
    text = new Date(epochMs).toISOString();
    isoTimes.set(epochMs, text);
  }
  return text;
}
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
/** A negative number is an error on its record, which keeps the message; the column never holds one. */
export const nonNegative = (value: DecimalText | null) => (value === null || isNegative(value) ? null : value);

/**
 * Writes one CSV line for COPY. Values an invalid record could not read are stored as NULL; an
 * invalid record keeps its cells as read (`sheetCells`), for correcting it in the browser.
 */
export function writeRecordCopyRow(
  lines: CsvLines,
  usageFileId: string,
  generation: number,
  record: ValidatedRecord,
  sheetCells: Record<string, string> | null,
): void {
  lines
    .field(usageFileId)
    .integer(generation)
    .integer(record.rowNumber)
    .field(record.recordId)
    .field(record.note)
    .field(record.itemId)
    .field(record.subscriptionId)
    .field(nonNegative(record.quantity))
    .field(isoTime(record.startTime))
    .field(isoTime(record.endTime))
    .field(nonNegative(record.amount))
    .field(record.tier)
    .field(record.categoryId)
    .field(json(record.params))
    .field(json(record.errors))
    .field(json(sheetCells))
    .endLine();
}
