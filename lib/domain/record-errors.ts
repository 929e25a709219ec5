import { z } from "zod";

/** Why a usage record is invalid (SPEC §4). Stored on the record; the column says which cell. */
export const recordErrorCodes = [
  "unreadable_cell",
  "invalid_character",
  "missing_value",
  "duplicate_record_id",
  "invalid_search_criteria",
  "item_not_found",
  "subscription_not_found",
  "subscription_ambiguous",
  "subscription_inactive",
  "not_a_number",
  "negative_number",
  "too_many_decimals",
  "invalid_time",
  "end_not_after_start",
  "outside_period",
  "unknown_category",
  "invalid_tier",
  "tier_account_missing",
  // A product whose overlap policy is `block` turns these warnings (lib/domain/usage-warnings.ts) into errors.
  "overlaps_other_file",
  "duplicate_record_id_other_file",
  "overlaps_in_file",
] as const;
export const recordErrorCodeSchema = z.enum(recordErrorCodes);
export type RecordErrorCode = z.infer<typeof recordErrorCodeSchema>;

/** The wording of a code on its own, for filters and summaries; each error's message names its value. */
export const defaultRecordErrorMessages: Record<RecordErrorCode, string> = {
  unreadable_cell: "The cell could not be read from the spreadsheet.",
  invalid_character: "The cell holds a character that cannot be stored, such as NUL.",
  missing_value: "A required value is empty.",
  duplicate_record_id: "The record_id is already used by an earlier row.",
  invalid_search_criteria: "The search criteria is not one of the accepted ones.",
  item_not_found: "No item of the product matches.",
  subscription_not_found: "No subscription of the product and contract matches.",
  subscription_ambiguous: "Several subscriptions match and are active in the record's window.",
  subscription_inactive: "The matching subscription is not active throughout the record's window.",
  not_a_number: "The value is not a plain decimal number.",
  negative_number: "The number is negative.",
  too_many_decimals: "The number has more decimals than allowed.",
  invalid_time: "The value is not a date and time.",
  end_not_after_start: "The end time is not after the start time.",
  outside_period: "The time is outside the usage file's period.",
  unknown_category: "The category_id is not listed on the categories sheet.",
  invalid_tier: "The tier is not 0, 1 or 2.",
  tier_account_missing: "The subscription has no account at the record's tier.",
  overlaps_other_file:
    "The record overlaps usage of another file of the contract (see its warning), and this product blocks overlapping usage.",
  duplicate_record_id_other_file:
    "The record_id is already used in another file of the contract (see its warning), and this product blocks it.",
  overlaps_in_file:
    "The record overlaps another record of this file (see its warning), and this product blocks overlapping usage.",
};

export const recordErrorSchema = z.object({
  /** The column's header, such as "quantity" or "v.region". */
  column: z.string(),
  code: recordErrorCodeSchema,
  message: z.string(),
});
export type RecordError = z.infer<typeof recordErrorSchema>;

/** Why a whole workbook is unusable (SPEC §4); such a file has no records to validate. */
export const sheetErrorCodes = [
  "unreadable_workbook",
  "missing_records_sheet",
  "no_records",
  "missing_column",
  "duplicate_column",
  "unknown_column",
  "invalid_character",
] as const;
export const sheetErrorCodeSchema = z.enum(sheetErrorCodes);
export type SheetErrorCode = z.infer<typeof sheetErrorCodeSchema>;

export const defaultSheetErrorMessages: Record<SheetErrorCode, string> = {
  unreadable_workbook: "The file is not a readable .xlsx or .csv spreadsheet.",
  missing_records_sheet: "The workbook has no records (or usage_records) sheet.",
  no_records: "The records sheet has no rows below its header.",
  missing_column: "A required column is missing from the records sheet.",
  duplicate_column: "A column appears more than once in the header.",
  unknown_column: "A column is not a records column and does not start with v. or p.",
  invalid_character: "A header or a category holds a character that cannot be stored, such as NUL.",
};

export const sheetErrorSchema = z.object({
  code: sheetErrorCodeSchema,
  message: z.string(),
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
});
export type SheetError = z.infer<typeof sheetErrorSchema>;

/** The capped view of a file's record errors kept on the file: every error stays on its record. */
export const errorSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  invalidRecords: z.number().int().nonnegative(),
  byCode: z.partialRecord(recordErrorCodeSchema, z.number().int().positive()),
  first: z.array(recordErrorSchema.extend({ row: z.number().int().positive() })),
});
export type ErrorSummary = z.infer<typeof errorSummarySchema>;

export interface ErrorSummaryBuilder {
  add(rowNumber: number, errors: readonly RecordError[]): void;
  summary(): ErrorSummary;
}

export function summarizeErrors(keepFirst = 100): ErrorSummaryBuilder {
  let total = 0;
  let invalidRecords = 0;
  const byCode: ErrorSummary["byCode"] = {};
  const first: ErrorSummary["first"] = [];
  return {
    add(rowNumber, errors) {
      if (errors.length === 0) return;
      invalidRecords++;
      total += errors.length;
      for (const error of errors) {
        byCode[error.code] = (byCode[error.code] ?? 0) + 1;
        if (first.length < keepFirst) first.push({ row: rowNumber, ...error });
      }
    },
    summary: () => ({ total, invalidRecords, byCode: { ...byCode }, first: [...first] }),
  };
}

/** The summary after one record's errors were corrected away: its errors out of the counts and the list. */
export function withoutRecordErrors(
  summary: ErrorSummary,
  rowNumber: number,
  fixed: readonly RecordError[],
): ErrorSummary {
  const byCode = { ...summary.byCode };
  for (const { code } of fixed) {
    const left = (byCode[code] ?? 0) - 1;
    if (left > 0) byCode[code] = left;
    else delete byCode[code];
  }
  return {
    total: summary.total - fixed.length,
    invalidRecords: summary.invalidRecords - (fixed.length > 0 ? 1 : 0),
    byCode,
    first: summary.first.filter((error) => error.row !== rowNumber),
  };
}

export const longestQuotedValue = 60;

/** A cell value quoted for a message, shortened so that a huge cell cannot bloat the stored errors. */
export function quoteValue(value: string): string {
  const shown = value.length > longestQuotedValue ? `${value.slice(0, longestQuotedValue)}…` : value;
  return JSON.stringify(shown);
}

/** Two summaries of one file's errors as one: counts added, the first errors by row, capped as before. */
export function mergeErrorSummaries(a: ErrorSummary, b: ErrorSummary, keepFirst = 100): ErrorSummary {
  const byCode = { ...a.byCode };
  for (const [code, count] of Object.entries(b.byCode) as [RecordErrorCode, number][]) {
    byCode[code] = (byCode[code] ?? 0) + count;
  }
  return {
    total: a.total + b.total,
    invalidRecords: a.invalidRecords + b.invalidRecords,
    byCode,
    first: [...a.first, ...b.first].sort((x, y) => x.row - y.row).slice(0, keepFirst),
  };
}
