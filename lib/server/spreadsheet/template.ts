import "server-only";
import ExcelJS from "exceljs";
import type { Contract, Item, Product, Subscription, UsageFile } from "@/db/schema";
import { formatParameters } from "@/lib/domain/admin-input";
import { decimalPlacesOf, type ItemPrecision, type UsageSchema } from "@/lib/domain/catalog";
import {
  assetParameterPrefix,
  assetSearchCriteria,
  categoryColumns,
  categorySheetName,
  itemSearchCriteria,
  recordColumns,
  recordSheetNames,
  requiredRecordColumns,
  sheetDateTimeFormat,
  type RecordColumn,
} from "@/lib/domain/usage-sheet";
import { dateTimeStyle, frozenHeaderRow, headerFont } from "./workbook-style";
import { addRangeValidation, createWorkbookWriter } from "./workbook-writer";

export interface TemplateInput {
  product: Pick<Product, "id" | "name" | "usageSchema" | "currency">;
  items: readonly TemplateItem[];
  /**
   * Present when the template is downloaded for one usage file rather than for the product, with
   * the subscriptions of the file's product and contract active at some time in its period.
   */
  usageFile?: Pick<UsageFile, "id" | "name" | "contractId" | "periodFrom" | "periodTo" | "currency"> &
    Pick<Contract, "marketplace"> & { subscriptions: readonly TemplateSubscription[] };
}
type TemplateItem = Pick<Item, "id" | "mpn" | "localId" | "name" | "unit" | "precision" | "type">;
type TemplateSubscription = Pick<
  Subscription,
  | "id"
  | "externalId"
  | "externalUid"
  | "parameters"
  | "status"
  | "activeFrom"
  | "activeTo"
  | "tier1AccountId"
  | "tier2AccountId"
>;

const templateSheetNames = {
  instructions: "instructions",
  records: recordSheetNames[0],
  general: "general",
  categories: categorySheetName,
  items: "items",
  subscriptions: "subscriptions",
} as const;

/** Rows of the records sheet that carry the drop-down lists; enough for hand-filled files. */
export const validatedRecordRows = 10_000;

const itemColumns = ["id", "mpn", "local_id", "name", "unit", "precision", "type"] as const;

const subscriptionColumns = [
  "id",
  "external_id",
  "external_uid",
  "parameters",
  "status",
  "active_from",
  "active_to",
] as const;
/** Whom a TR record's tier 1 and tier 2 amounts are charged to: a record's tier needs its account. */
const tierAccountColumns = ["tier1_account_id", "tier2_account_id"] as const;

/** Writes the usage template of a product (or of one of its usage files) as .xlsx to `out`. */
export async function writeUsageTemplate(input: TemplateInput, out: NodeJS.WritableStream): Promise<void> {
  const workbook = createWorkbookWriter(out);
  addInstructionsSheet(workbook, input);
  addRecordsSheet(workbook, input);
  addGeneralSheet(workbook, input);
  addCategoriesSheet(workbook);
  addItemsSheet(workbook, input.items);
  if (input.usageFile) addSubscriptionsSheet(workbook, input.product.usageSchema, input.usageFile.subscriptions);
  await workbook.commit();
}

/**
 * QT records carry a quantity only: the catalog prices them, so `amount` and `tier` would invite
 * values that are never used. They stay known columns (SPEC §4) if a vendor adds them anyway.
 */
function templateRecordColumns(schema: UsageSchema): readonly RecordColumn[] {
  if (schema !== "QT") return recordColumns;
  return recordColumns.filter((column) => column !== "amount" && column !== "tier");
}

// ---------------------------------------------------------------------------------------------
// records

function addRecordsSheet(workbook: ExcelJS.Workbook, input: TemplateInput): void {
  const columns = templateRecordColumns(input.product.usageSchema);
  const sheet = workbook.addWorksheet(templateSheetNames.records, { views: [frozenHeaderRow] });
  sheet.columns = columns.map((column) => ({
    key: column,
    width: column.length + 8,
    style: column === "start_time_utc" || column === "end_time_utc" ? dateTimeStyle : {},
  }));
  addBoldRow(sheet, columns);
  const listed = { items: input.items.length, subscriptions: input.usageFile?.subscriptions.length ?? 0 };
  for (const column of columns) {
    const validation = recordColumnValidation(column, listed);
    if (validation) addRangeValidation(sheet, dataRange(sheet, column), validation);
  }
}

function recordColumnValidation(
  column: RecordColumn,
  listed: { items: number; subscriptions: number },
): ExcelJS.DataValidation | undefined {
  switch (column) {
    case "item_search_criteria":
      return listValidation(itemSearchCriteria, "Choose how item_search_value names the item.");
    case "asset_search_criteria":
      // A warning, not a refusal: `parameter.<name>` criteria cannot be listed.
      return {
        ...listValidation(assetSearchCriteria, `Or type ${assetParameterPrefix}<name> for a subscription parameter.`),
        errorStyle: "warning",
      };
    case "item_search_value":
      return listed.items === 0 ? undefined : mpnValidation(listed.items);
    case "asset_search_value":
      return listed.subscriptions === 0 ? undefined : subscriptionIdValidation(listed.subscriptions);
    case "quantity":
    case "amount":
      return numberValidation("decimal", "greaterThanOrEqual", [0], "A number, 0 or more.");
    case "tier":
      return numberValidation("whole", "between", [0, 2], "0 (customer), 1 (tier 1) or 2 (tier 2).");
    default:
      return undefined;
  }
}

function numberValidation(
  type: "decimal" | "whole",
  operator: ExcelJS.DataValidationOperator,
  formulae: number[],
  error: string,
): ExcelJS.DataValidation {
  return { type, operator, formulae, allowBlank: true, showErrorMessage: true, error };
}

function listValidation(values: readonly string[], error: string): ExcelJS.DataValidation {
  return { type: "list", formulae: [`"${values.join(",")}"`], allowBlank: true, showErrorMessage: true, error };
}

/** Offers the mpns, yet lets local ids and item ids through (with a warning) for the other criteria. */
function mpnValidation(itemCount: number): ExcelJS.DataValidation {
  const mpnColumn = columnLetter(itemColumns.indexOf("mpn") + 1);
  return {
    type: "list",
    formulae: [`${templateSheetNames.items}!$${mpnColumn}$2:$${mpnColumn}$${itemCount + 1}`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "warning",
    error: "Not an mpn of this product: fine only if item_search_criteria is item.local_id or item.id.",
  };
}

/** Offers the listed subscriptions' ids, yet lets the other criteria's values through (with a warning). */
function subscriptionIdValidation(subscriptionCount: number): ExcelJS.DataValidation {
  const idColumn = columnLetter(subscriptionColumns.indexOf("id") + 1);
  return {
    type: "list",
    formulae: [`${templateSheetNames.subscriptions}!$${idColumn}$2:$${idColumn}$${subscriptionCount + 1}`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "warning",
    error:
      "Not the id of a subscription listed on the subscriptions sheet: fine only if asset_search_criteria " +
      "is asset.external_id, asset.external_uid or parameter.<name>.",
  };
}

function dataRange(sheet: ExcelJS.Worksheet, column: RecordColumn): string {
  const letter = sheet.getColumn(column).letter;
  return `${letter}2:${letter}${validatedRecordRows + 1}`;
}

// ---------------------------------------------------------------------------------------------
// instructions

function addInstructionsSheet(workbook: ExcelJS.Workbook, input: TemplateInput): void {
  const sheet = workbook.addWorksheet(templateSheetNames.instructions);
  sheet.columns = [{ width: 24 }, { width: 12 }, { width: 110, style: { alignment: { wrapText: true } } }];
  addBoldRow(sheet, [`Usage template of ${input.product.name} (${input.product.id})`]);
  sheet.addRow([introduction(input)]).commit();
  sheet.addRow([]).commit();

  const columns = templateRecordColumns(input.product.usageSchema);
  const required = new Set(requiredRecordColumns(input.product.usageSchema));
  addBoldRow(sheet, ["column", "required", "how to fill it"]);
  for (const column of columns) {
    sheet.addRow([column, required.has(column) ? "yes" : "no", columnGuide(column, input)]).commit();
  }
  sheet.addRow([]).commit();

  addBoldRow(sheet, ["Example record"]);
  addBoldRow(sheet, columns);
  const example = exampleRecord(input);
  sheet.addRow(columns.map((column) => example[column])).commit();
}

function introduction({ product, usageFile }: TemplateInput): string {
  const scope = usageFile ? `usage file ${usageFile.id} (${usageFile.name})` : `product ${product.id}`;
  return (
    `Fill one row per usage record on the "${templateSheetNames.records}" sheet of this template for ${scope}, ` +
    `usage schema ${product.usageSchema}, then upload it. Optional categories go on the ` +
    `"${templateSheetNames.categories}" sheet; the product's items are listed on the ` +
    `"${templateSheetNames.items}" sheet` +
    (usageFile
      ? `, and the subscriptions of the file's contract active in its period on the "${templateSheetNames.subscriptions}" sheet`
      : "") +
    `. Times are UTC. Other sheets are help text and are not read.`
  );
}

type ColumnGuide = (input: TemplateInput) => string;

const timeRule =
  `in UTC, as text ${sheetDateTimeFormat} (2025-01-31 00:00:00), ISO 8601 (2025-01-31T00:00:00Z) ` +
  "or a date cell; start_time_utc must be before end_time_utc";

const columnGuides: Record<RecordColumn, ColumnGuide> = {
  record_id: () => "Your identifier of the record; unique within the file.",
  record_note: () => "Free text kept with the record.",
  item_search_criteria: () => `How item_search_value names the item: ${itemSearchCriteria.join(", ")}.`,
  item_search_value: () =>
    "The item's mpn, local_id or id (as item_search_criteria says); it must be one of the items " +
    `on the "${templateSheetNames.items}" sheet.`,
  quantity: () =>
    "The quantity used: a number, 0 or more, with no more decimals than the item's precision allows " +
    `(${precisionRule()}; the precision of each item is on the "${templateSheetNames.items}" sheet).`,
  start_time_utc: (input) => `Start of the usage window, ${timeRule}${periodRule(input)}.`,
  end_time_utc: (input) => `End of the usage window, ${timeRule}${periodRule(input)}.`,
  asset_search_criteria: () =>
    `How asset_search_value names the subscription: ${assetSearchCriteria.join(", ")}, ` +
    `or ${assetParameterPrefix}<name> to match the value of a subscription parameter.`,
  asset_search_value: ({ usageFile }) =>
    "The value that matches exactly one subscription of this product and contract, active during the record's window" +
    (usageFile ? `; the file's subscriptions are listed on the "${templateSheetNames.subscriptions}" sheet.` : "."),
  category_id: () => `One of the category_id values listed on the "${templateSheetNames.categories}" sheet.`,
  amount: ({ product }) => `The amount charged, in ${product.currency}: a number, 0 or more.`,
  tier: () => "Whom the amount is charged to: 0 (customer), 1 (tier 1 reseller) or 2 (tier 2 reseller).",
};

function columnGuide(column: RecordColumn, input: TemplateInput): string {
  return columnGuides[column](input);
}

function precisionRule(): string {
  return Object.entries(decimalPlacesOf)
    .map(([precision, places]) => `${precision}: ${places === 0 ? "none" : places}`)
    .join(", ");
}

function periodRule({ usageFile }: TemplateInput): string {
  if (!usageFile) return "; both inside the period of the usage file";
  return `; both inside the file's period, ${formatUtc(usageFile.periodFrom)} to ${formatUtc(usageFile.periodTo)}`;
}

function exampleRecord({ product, items, usageFile }: TemplateInput): Record<RecordColumn, string | number | null> {
  const item = items[0];
  const start = usageFile?.periodFrom ?? startOfCurrentMonth();
  const oneDayLater = new Date(start.getTime() + 24 * 60 * 60 * 1000);
  const end = usageFile && usageFile.periodTo < oneDayLater ? usageFile.periodTo : oneDayLater;
  return {
    record_id: "record-0001",
    record_note: null,
    item_search_criteria: "item.mpn",
    item_search_value: item?.mpn ?? "<mpn of an item>",
    quantity: exampleQuantity(item?.precision ?? "integer"),
    start_time_utc: formatUtc(start),
    end_time_utc: formatUtc(end),
    asset_search_criteria: "asset.id",
    asset_search_value: usageFile?.subscriptions[0]?.id ?? "<id of a subscription>",
    category_id: null,
    amount: product.usageSchema === "QT" ? null : 12.5,
    tier: product.usageSchema === "TR" ? 0 : null,
  };
}

function exampleQuantity(precision: ItemPrecision): number {
  return decimalPlacesOf[precision] === 0 ? 10 : 10.5;
}

function startOfCurrentMonth(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** `yyyy-mm-dd hh:mm:ss` in UTC, the template's text form of a date-time. */
function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

// ---------------------------------------------------------------------------------------------
// general, categories, items, subscriptions

function addGeneralSheet(workbook: ExcelJS.Workbook, input: TemplateInput): void {
  const sheet = workbook.addWorksheet(templateSheetNames.general);
  sheet.columns = [{ width: 22 }, { width: 48 }];
  for (const [label, value] of generalFacts(input)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = headerFont;
    if (value instanceof Date) row.getCell(2).numFmt = sheetDateTimeFormat;
    row.commit();
  }
}

function generalFacts({ product, items, usageFile }: TemplateInput): [string, string | number | Date][] {
  const productFacts: [string, string][] = [
    ["Product", product.id],
    ["Product name", product.name],
    ["Usage schema", product.usageSchema],
  ];
  if (!usageFile) return [...productFacts, ["Currency", product.currency], ["Items", items.length]];
  return [
    ["Usage file", usageFile.id],
    ["File name", usageFile.name],
    ...productFacts,
    ["Contract", usageFile.contractId],
    ["Marketplace", usageFile.marketplace],
    ["Period from (UTC)", usageFile.periodFrom],
    ["Period to (UTC)", usageFile.periodTo],
    ["Currency", usageFile.currency],
  ];
}

function addCategoriesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(templateSheetNames.categories, { views: [frozenHeaderRow] });
  sheet.columns = categoryColumns.map((column) => ({ width: column.length + 12 }));
  addBoldRow(sheet, categoryColumns);
}

function addItemsSheet(workbook: ExcelJS.Workbook, items: readonly TemplateItem[]): void {
  const sheet = workbook.addWorksheet(templateSheetNames.items, { views: [frozenHeaderRow] });
  sheet.columns = itemColumns.map((column) => ({ width: column === "name" ? 40 : 18 }));
  addBoldRow(sheet, itemColumns);
  for (const item of items) {
    sheet.addRow([item.id, item.mpn, item.localId, item.name, item.unit, item.precision, item.type]).commit();
  }
}

function addSubscriptionsSheet(
  workbook: ExcelJS.Workbook,
  schema: UsageSchema,
  subscriptions: readonly TemplateSubscription[],
): void {
  const withTiers = schema === "TR";
  const columns = withTiers ? [...subscriptionColumns, ...tierAccountColumns] : subscriptionColumns;
  const sheet = workbook.addWorksheet(templateSheetNames.subscriptions, { views: [frozenHeaderRow] });
  sheet.columns = columns.map((column) => ({
    width: column === "parameters" ? 48 : 22,
    style: column === "active_from" || column === "active_to" ? dateTimeStyle : {},
  }));
  addBoldRow(sheet, columns);
  for (const subscription of subscriptions) {
    const row = [
      subscription.id,
      subscription.externalId,
      subscription.externalUid,
      formatParameters(subscription.parameters),
      subscription.status,
      subscription.activeFrom,
      subscription.activeTo,
      ...(withTiers ? [subscription.tier1AccountId, subscription.tier2AccountId] : []),
    ];
    sheet.addRow(row).commit();
  }
}

// ---------------------------------------------------------------------------------------------

function addBoldRow(sheet: ExcelJS.Worksheet, values: readonly string[]): void {
  const row = sheet.addRow([...values]);
  row.font = headerFont;
  row.commit();
}

function columnLetter(columnNumber: number): string {
  return String.fromCharCode("A".charCodeAt(0) + columnNumber - 1);
}
