import "server-only";
import type { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { formulaStartPattern, spreadsheetNumber, spreadsheetSignificantDigits } from "@/lib/domain/spreadsheet-cell";
import { currentRecordsOf, recordStatusSql } from "@/lib/server/queries/record-status";
import { CsvScanner } from "./reader/csv-scanner";
import { StreamingWorkbook, type RowCells } from "./streaming-workbook";
import { dateTimeSerial } from "./xlsx-parts";

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
  "amends",
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
    // In an amendment: the billed record the row replaces or, with a negative quantity, reverses.
    amends: sql`'UR-' || usage_records.amends_record_id`,
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
 * on its cell and a `notes` sheet saying why its column's SUM leaves it out. Streamed row by row
 * from the database's COPY, so a million rows take seconds and flat memory.
 */
export async function writeRecordsXlsx(handle: DatabaseHandle, where: SQL, out: Writable): Promise<void> {
  const workbook = StreamingWorkbook.writingTo(out);
  const textNumbers = new TextNumbers();
  const columnWidths = exportColumns.map((name) => (timeColumns.has(name) ? 20 : Math.max(12, name.length + 2)));
  let header = true;
  await workbook.addSheet(
    { name: exportSheetName, columnWidths, frozenHeaderRow: true },
    csvRecords(handle.copyOut(exportSelect(where))),
    (cells, values) => {
      if (header) values.forEach((value, column) => cells.heading(column, value));
      else writeTypedCells(cells, values, textNumbers);
      header = false;
    },
  );
  if (textNumbers.count > 0) await addTextNumbersSheet(workbook, textNumbers);
  await workbook.close();
}

/** The records of COPY's CSV output, a batch per chunk as they arrive. */
async function* csvRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string[][]> {
  let records: string[][] = [];
  const scanner = new CsvScanner(
    ",",
    (fields) => records.push(fields),
    () => new Error("An exported row is too long"),
  );
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    scanner.feed(decoder.write(chunk as Buffer));
    yield records;
    records = [];
  }
  scanner.feed(decoder.end());
  scanner.end();
  yield records;
}

/** Where the quantities and amounts that stayed text are. */
class TextNumbers {
  count = 0;
  first: string | undefined;
}

const columnKinds = exportColumns.map((name) =>
  numberColumns.has(name) ? "number" : timeColumns.has(name) ? "time" : "text",
);

function writeTypedCells(cells: RowCells, values: readonly string[], textNumbers: TextNumbers): void {
  for (let column = 0; column < columnKinds.length; column++) {
    const text = values[column] ?? "";
    if (text === "") continue;
    const kind = columnKinds[column];
    if (kind === "text") cells.text(column, text);
    else if (kind === "time") writeTime(cells, column, text);
    else if (isSpreadsheetNumber(text)) cells.number(column, text);
    else {
      cells.text(column, text);
      textNumbers.count += 1;
      textNumbers.first ??= cells.reference(column);
      if (textNumbers.count <= maxTextNumberNotes) cells.note(column, textNumberNote);
    }
  }
}

/**
 * Whether `numeric` text stays exact as a spreadsheet number. Up to 15 characters it has at most 15
 * digits, which is nearly every quantity: the check is then only that it is a number at all (not
 * NaN or Infinity, which end in a letter).
 */
function isSpreadsheetNumber(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 48 && last <= 57 && (text.length <= spreadsheetSignificantDigits || spreadsheetNumber(text) !== null);
}

function writeTime(cells: RowCells, column: number, text: string): void {
  const serial = dateTimeSerial(text);
  if (serial === undefined) cells.text(column, text);
  else cells.dateTime(column, serial);
}

async function addTextNumbersSheet(workbook: StreamingWorkbook, textNumbers: TextNumbers): Promise<void> {
  const lines = [
    `${textNumbers.count.toLocaleString("en-US")} quantity or amount cells of the ${exportSheetName} sheet are text, the first at ${textNumbers.first}.`,
    "Their values have more than 15 significant digits; a spreadsheet number (a double) would round them, and a bill must not.",
    "SUM leaves text cells out: add those values exactly (the CSV export has every value as written), or accept the rounding with VALUE().",
  ];
  await workbook.addSheet({ name: "notes", columnWidths: [120] }, [lines], (cells, line) => cells.text(0, line));
}
