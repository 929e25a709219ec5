import "server-only";
import { Readable, type Writable } from "node:stream";
import { parse } from "csv-parse";
import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { formulaStartPattern } from "@/lib/domain/spreadsheet-cell";
import { currentRecordsOf, recordStatusSql } from "@/lib/server/queries/record-status";
import { frozenHeaderRow, headerFont } from "./workbook-style";
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
] as const;

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
  const values: Record<(typeof exportColumns)[number], SQL> = {
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

/** The same rows as an .xlsx sheet, every cell text (exact decimals), through exceljs's streaming writer. */
export async function writeRecordsXlsx(handle: DatabaseHandle, where: SQL, out: Writable): Promise<void> {
  const workbook = createWorkbookWriter(out);
  const sheet = workbook.addWorksheet(exportSheetName, { views: [frozenHeaderRow] });
  sheet.columns = exportColumns.map((name) => ({ key: name, width: Math.max(12, name.length + 2) }));
  const rows = new StreamedRows(sheet);
  const csv = Readable.from(handle.copyOut(exportSelect(where))).pipe(parse());
  let rowNumber = 0;
  for await (const values of csv as AsyncIterable<string[]>) {
    const row = rows.row(++rowNumber);
    row.values = values;
    if (rowNumber === 1) row.font = headerFont;
    await rows.commit(row);
  }
  sheet.commit();
  await workbook.commit();
}
