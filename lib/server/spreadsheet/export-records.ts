import "server-only";
import { Readable, type Writable } from "node:stream";
import { parse } from "csv-parse";
import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import type ExcelJS from "exceljs";
import { formulaStartPattern, spreadsheetNumber } from "@/lib/domain/spreadsheet-cell";
import { currentRecordsOf, recordStatusSql } from "@/lib/server/queries/record-status";
import { dateTimeStyle, frozenHeaderRow, headerFont } from "./workbook-style";
import { createWorkbookWriter, StreamedRows } from "./workbook-writer";

/** The billing export's columns (a reconciliation sheet is this sheet with billing ids filled). */
export const exportColumns = [
  "id",
  "usage_file_id",
  "record_id",
  "item_mpn",
  "subscription_external_id",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "amount",
  "tier",
  "category_id",
  "note",
  "status",
  "external_billing_id",
  "external_billing_note",
  "item_name",
  "item_unit",
  "subscription_id",
  "tier1_account_id",
  "tier1_account_name",
  "tier2_account_id",
  "tier2_account_name",
] as const;
type ExportColumn = (typeof exportColumns)[number];

export const exportSheetName = "records";

/** Text as exported: a cell that would run as a formula is escaped (lib/domain/spreadsheet-cell.ts). */
function cell(value: SQL): SQL {
  return sql`CASE WHEN ${value} ~ ${formulaStartPattern} THEN '''' || ${value} ELSE ${value} END`;
}

const utcText = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;

/**
 * The valid records of the files `where` picks, one row each, every value as exact text (quantities
 * and amounts straight from `numeric`), in the export's column order. The vendor's internal note is
 * a file field and never selected.
 */
function exportSelect(where: SQL): SQL {
  const values: Record<ExportColumn, SQL> = {
    id: sql`'UR-' || usage_records.id`,
    usage_file_id: sql`usage_records.usage_file_id`,
    record_id: cell(sql`usage_records.record_id`),
    item_mpn: cell(sql`items.mpn`),
    subscription_external_id: cell(sql`subscriptions.external_id`),
    quantity: sql`usage_records.quantity::text`,
    start_time_utc: utcText(sql`usage_records.start_time`),
    end_time_utc: utcText(sql`usage_records.end_time`),
    amount: sql`usage_records.amount::text`,
    tier: sql`usage_records.tier::text`,
    category_id: cell(sql`usage_records.category_id`),
    note: cell(sql`usage_records.note`),
    status: recordStatusSql(),
    external_billing_id: cell(sql`coalesce(usage_records.external_billing_id, usage_files.billing_id)`),
    external_billing_note: cell(
      sql`CASE WHEN usage_records.closed_at IS NULL THEN usage_files.billing_note ELSE usage_records.external_billing_note END`,
    ),
    item_name: cell(sql`items.name`),
    item_unit: cell(sql`items.unit`),
    subscription_id: sql`usage_records.subscription_id`,
    tier1_account_id: sql`subscriptions.tier1_account_id`,
    tier1_account_name: cell(sql`tier1.name`),
    tier2_account_id: sql`subscriptions.tier2_account_id`,
    tier2_account_name: cell(sql`tier2.name`),
  };
  const columns = sql.join(
    exportColumns.map((name) => sql`${values[name]} AS ${sql.identifier(name)}`),
    sql`, `,
  );
  return sql`SELECT ${columns}
    FROM usage_files
    JOIN usage_records ON ${currentRecordsOf()}
    LEFT JOIN items ON items.id = usage_records.item_id
    LEFT JOIN subscriptions ON subscriptions.id = usage_records.subscription_id
    LEFT JOIN accounts AS tier1 ON tier1.id = subscriptions.tier1_account_id
    LEFT JOIN accounts AS tier2 ON tier2.id = subscriptions.tier2_account_id
    WHERE ${where} AND usage_records.errors IS NULL
    ORDER BY usage_records.usage_file_id, usage_records.id`;
}

/** The export as CSV, straight from the database's COPY to `out`. */
export async function writeRecordsCsv(handle: DatabaseHandle, where: SQL, out: Writable): Promise<void> {
  for await (const chunk of handle.copyOut(exportSelect(where))) {
    if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
  }
  out.end();
}

const numberColumns = new Set<ExportColumn>(["quantity", "amount"]);
const timeColumns = new Set<ExportColumn>(["start_time_utc", "end_time_utc"]);

/** Why a quantity or amount is a text cell; past `maxTextNumberNotes` such cells, the notes sheet alone says it. */
const textNumberNote =
  "Kept as text: this value has more than 15 significant digits, which a spreadsheet number cannot hold " +
  "exactly. SUM leaves text out; see the notes sheet.";
const maxTextNumberNotes = 1000;

/**
 * The same rows as an .xlsx sheet a spreadsheet can sum: quantities and amounts as number cells,
 * times as UTC date cells shown as `yyyy-mm-dd hh:mm:ss`, the rest as text (ids keep their
 * leading zeros). A quantity or amount a double cannot hold exactly stays exact text, with a note
 * on its cell and a `notes` sheet saying why its column's SUM leaves it out.
 */
export async function writeRecordsXlsx(handle: DatabaseHandle, where: SQL, out: Writable): Promise<void> {
  const workbook = createWorkbookWriter(out);
  const sheet = workbook.addWorksheet(exportSheetName, { views: [frozenHeaderRow] });
  sheet.columns = exportColumns.map((name) => ({
    key: name,
    width: timeColumns.has(name) ? 20 : Math.max(12, name.length + 2),
    style: timeColumns.has(name) ? dateTimeStyle : {},
  }));
  const rows = new StreamedRows(sheet);
  const csv = Readable.from(handle.copyOut(exportSelect(where))).pipe(parse());
  const textNumbers = new TextNumbers();
  let rowNumber = 0;
  for await (const values of csv as AsyncIterable<string[]>) {
    const row = rows.row(++rowNumber);
    if (rowNumber === 1) {
      row.values = values;
      row.font = headerFont;
    } else {
      writeTypedCells(row, values, textNumbers);
    }
    await rows.commit(row);
  }
  sheet.commit();
  if (textNumbers.count > 0) addTextNumbersSheet(workbook, textNumbers);
  await workbook.commit();
}

/** Where the quantities and amounts that stayed text are. */
class TextNumbers {
  count = 0;
  first: string | undefined;
}

function writeTypedCells(row: ExcelJS.Row, values: readonly string[], textNumbers: TextNumbers): void {
  for (const [index, name] of exportColumns.entries()) {
    const text = values[index] ?? "";
    if (text === "") continue;
    const cell = row.getCell(index + 1);
    if (timeColumns.has(name)) {
      cell.value = new Date(`${text.replace(" ", "T")}Z`);
    } else if (!numberColumns.has(name)) {
      cell.value = text;
    } else {
      const number = spreadsheetNumber(text);
      cell.value = number ?? text;
      if (number === null) {
        textNumbers.count += 1;
        textNumbers.first ??= cell.address;
        if (textNumbers.count <= maxTextNumberNotes) cell.note = textNumberNote;
      }
    }
  }
}

function addTextNumbersSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, textNumbers: TextNumbers): void {
  const sheet = workbook.addWorksheet("notes");
  sheet.getColumn(1).width = 120;
  const lines = [
    `${textNumbers.count.toLocaleString("en-US")} quantity or amount cells of the ${exportSheetName} sheet are text, the first at ${textNumbers.first}.`,
    "Their values have more than 15 significant digits; a spreadsheet number (a double) would round them, and a bill must not.",
    "SUM leaves text cells out: add those values exactly (the CSV export has every value as written), or accept the rounding with VALUE().",
  ];
  for (const line of lines) sheet.addRow([line]).commit();
  sheet.commit();
}
