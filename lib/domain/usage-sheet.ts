import type { UsageSchema } from "./catalog";

/** The `records` sheet columns, in the template's order (SPEC §4). */
export const recordColumns = [
  "record_id",
  "record_note",
  "item_search_criteria",
  "item_search_value",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "asset_search_criteria",
  "asset_search_value",
  "category_id",
  "amount",
  "tier",
] as const;
export type RecordColumn = (typeof recordColumns)[number];

export const categoryColumns = ["category_id", "category_name", "category_description"] as const;
export type CategoryColumn = (typeof categoryColumns)[number];

/** Sheet names, found by name and not by position; the first records name is the template's. */
export const recordSheetNames = ["records", "usage_records"] as const;
export const categorySheetName = "categories";

/**
 * The workbook's sheet with one of `names`, whatever its case or surrounding spaces, first in the
 * workbook's order: ingest and every spreadsheet made from an upload find the same sheet.
 */
export function findSheet(sheetNames: readonly string[], names: readonly string[]): string | undefined {
  return sheetNames.find((sheet) => names.includes(sheet.trim().toLowerCase()));
}

export const itemSearchCriteria = ["item.mpn", "item.local_id", "item.id"] as const;
export type ItemSearchCriterion = (typeof itemSearchCriteria)[number];

/** `parameter.<name>` is also accepted: it matches a subscription parameter's value. */
export const assetSearchCriteria = ["asset.id", "asset.external_id", "asset.external_uid"] as const;
export const assetParameterPrefix = "parameter.";

/**
 * The column the processed spreadsheet appends with each row's errors. A corrected copy uploaded
 * again still has it; it is skipped, not refused as unknown.
 */
export const processedErrorsColumn = "errors";

/** Columns that become custom params instead of being refused as unknown. */
export const customParamPrefixes = ["v.", "p."] as const;

const alwaysRequired: readonly RecordColumn[] = [
  "record_id",
  "item_search_criteria",
  "item_search_value",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "asset_search_criteria",
  "asset_search_value",
];

/** The columns a records sheet must have for a product of this schema. */
export function requiredRecordColumns(schema: UsageSchema): readonly RecordColumn[] {
  if (schema === "TR") return [...alwaysRequired, "amount", "tier"];
  if (schema === "PR" || schema === "CR") return [...alwaysRequired, "amount"];
  return alwaysRequired;
}

/** The one date-time text format of the template: `YYYY-MM-DD hh:mm:ss`, UTC. */
export const sheetDateTimeFormat = "yyyy-mm-dd hh:mm:ss";
