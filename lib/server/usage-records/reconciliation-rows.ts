import "server-only";
import { sql } from "drizzle-orm";
import type { DatabaseSession } from "@/db/client";
import { CsvLines, type CopyWriter } from "@/db/copy";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { parseUsageRecordPublicId } from "@/lib/domain/ids";
import { restoreEscapedText } from "@/lib/domain/spreadsheet-cell";
import { findSheet } from "@/lib/domain/usage-sheet";
import { exportSheetName } from "@/lib/server/spreadsheet/export-records";
import { openWorkbook, type SheetRow, type UsageWorkbook } from "@/lib/server/spreadsheet/reader";

/**
 * The session's temporary table of a reconciliation sheet's rows with a billing id, in sheet
 * order: each names a record by its id, or, when it names none, by its text (`record_text`).
 */
export const reconciliationRows = sql.identifier("reconciliation_rows");
const copyColumns = ["row_number", "id", "record_text", "billing_id", "billing_note"] as const;

// CSV handed to COPY at a time: memory stays flat however long the sheet is.
const flushBytes = 1 << 20;

interface SheetColumns {
  id: number;
  billingId: number;
  billingNote: number;
}

/** What reading the sheet found on the way. */
export interface LoadedSheet {
  /** Rows without a billing id, which stay open. */
  rowsWithoutBillingId: number;
  /** Each id named is greater than the one before (as in the export): then no id is named twice. */
  idsAscending: boolean;
}

/** Reads the sheet row by row into the session's reconciliation table by COPY. */
export async function loadReconciliationRows(
  session: DatabaseSession,
  filePath: string,
  declared: "xlsx" | "csv",
): Promise<Result<LoadedSheet>> {
  await session.db.execute(
    sql`CREATE TEMPORARY TABLE ${reconciliationRows} (row_number integer NOT NULL, id bigint, record_text text, billing_id text NOT NULL, billing_note text)`,
  );
  const workbook = await openWorkbook(filePath, {}, declared);
  try {
    const sheet = findSheet(workbook.sheetNames, [exportSheetName]);
    if (!sheet)
      return fail(
        "invalid_input",
        `The file has no "${exportSheetName}" sheet: upload the billing export with billing ids filled.`,
      );
    const loaded = await copyRows(session, workbook, sheet);
    // The planner then knows the table's size: a hash join, not a million index look-ups.
    if (loaded.ok) await session.db.execute(sql`ANALYZE ${reconciliationRows}`);
    return loaded;
  } finally {
    await workbook.close();
  }
}

async function copyRows(
  session: DatabaseSession,
  workbook: UsageWorkbook,
  sheet: string,
): Promise<Result<LoadedSheet>> {
  let writer: CopyWriter | undefined;
  let columns: SheetColumns | undefined;
  const rows = new RowsToCopy();
  try {
    for await (const batch of workbook.rows(sheet)) {
      for (const row of batch) {
        if (!columns) {
          columns = sheetColumns(row);
          if (columns.id < 0 || columns.billingId < 0)
            return fail("invalid_input", "The sheet needs the export's id and external_billing_id columns.");
          writer = await session.copyInto("reconciliation_rows", copyColumns);
          continue;
        }
        rows.add(row, columns);
      }
      if (rows.lines.byteLength >= flushBytes) await writer!.write(rows.lines.take());
    }
    if (writer) {
      await writer.write(rows.lines.take());
      await writer.finish();
      writer = undefined;
    }
    return ok({ rowsWithoutBillingId: rows.withoutBillingId, idsAscending: rows.idsAscending });
  } finally {
    await writer?.abort();
  }
}

function sheetColumns(header: SheetRow): SheetColumns {
  const index = (name: string) => header.values.findIndex((value) => value.trim().toLowerCase() === name);
  return { id: index("id"), billingId: index("external_billing_id"), billingNote: index("external_billing_note") };
}

/** The rows with a billing id as the table's CSV lines; the others counted. */
class RowsToCopy {
  readonly lines = new CsvLines();
  withoutBillingId = 0;
  idsAscending = true;
  private lastId = 0;

  add(row: SheetRow, columns: SheetColumns): void {
    const billingId = restoreEscapedText(row.values[columns.billingId] ?? "");
    if (!billingId) {
      this.withoutBillingId++;
      return;
    }
    const billingNote = columns.billingNote < 0 ? "" : restoreEscapedText(row.values[columns.billingNote] ?? "");
    const recordText = row.values[columns.id] ?? "";
    const id = parseUsageRecordPublicId(recordText.trim());
    if (id !== null) {
      this.idsAscending &&= id > this.lastId;
      this.lastId = id;
    }
    this.lines.integer(row.rowNumber);
    if (id === null) this.lines.field(null).field(recordText);
    else this.lines.integer(id).field(null);
    this.lines
      .field(billingId)
      .field(billingNote || null)
      .endLine();
  }
}
