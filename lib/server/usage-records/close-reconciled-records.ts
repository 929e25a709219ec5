import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { currentRecordsOf, holdRecordPartition, rewriteRecordPartition } from "@/db/record-partitions";
import { usageRecords } from "@/db/schema";
import { ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ClosingRefusalReason, ClosingReport } from "@/lib/domain/record-closing";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { changedMeanwhile } from "@/lib/server/usage-files/act-on-usage-file";
import { indexUsageRecordsJob, jobSender } from "@/lib/server/jobs/queue";
import { addToClosedTotals, announceClosedRecords, closingStatement, lockAcceptedFile } from "./close-usage-records";
import { reconciliationRows, type LoadedSheet } from "./reconciliation-rows";

const duplicates = sql.identifier("reconciliation_duplicates");
const closingRows = sql.identifier("reconciliation_closing");

// Past this many records closing, and a tenth of the file's, rewriting its partition beats updating.
const rewriteFrom = { records: 10_000, shareOfFile: 0.1 };

/**
 * Closes the records the session's reconciliation rows name, set-based and in one transaction:
 * each open record of the file closes with its row's billing id; a record listed twice, closed
 * already, or not among the file's valid records (another file's, or none) is reported as
 * `closeUsageRecords` reports it, in sheet order after the duplicates, and changes nothing.
 */
export async function closeReconciledRecords(
  session: Database,
  actor: Actor,
  file: UsageFileView,
  sheet: Pick<LoadedSheet, "idsAscending">,
): Promise<Result<ClosingReport>> {
  const enqueueIndexing = await jobSender(indexUsageRecordsJob);
  return session.transaction(async (tx): Promise<Result<ClosingReport>> => {
    if (!(await lockAcceptedFile(tx, file.id))) return changedMeanwhile();
    // Other writes to the file's records wait: what closes is decided once, then written.
    await holdRecordPartition(tx, file.id, file.generation);
    // Room to hash and sort a million rows, and to build the rewritten partition's keys, in memory.
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    // Ids in ascending order cannot repeat: then only the rows naming no record need grouping.
    await tx.execute(
      sql`CREATE TEMPORARY TABLE ${duplicates} ON COMMIT DROP AS
          SELECT id, record_text, min(row_number) AS first_row, count(*)::int AS rows
          FROM ${reconciliationRows} WHERE ${sheet.idsAscending ? sql`id IS NULL` : sql`TRUE`}
          GROUP BY id, record_text HAVING count(*) > 1`,
    );
    const closing = await findClosing(tx, file);
    // The report first: once a partition is swapped in, every read of usage_records waits for the commit.
    const closed = await closedInSheetOrder(tx);
    const othersRefused = closing.records + closing.duplicateRows < closing.rows;
    const refused = [...(await duplicateKeys(tx)), ...(othersRefused ? await refusedInSheetOrder(tx, file) : [])];
    await announceClosedRecords(tx, actor, file.id, closed, "reconciliation");
    if (closing.records >= rewriteFrom.records && closing.records >= closing.ofFile * rewriteFrom.shareOfFile) {
      await enqueueIndexing(tx, { usageFileId: file.id, generation: file.generation });
      await closeByRewriting(tx, actor, file);
    } else {
      await closeByUpdating(tx, actor, file);
    }
    return ok({ closed, refused });
  });
}

/**
 * Fills the table of the rows whose records close (open, valid, listed once), with what their
 * records add to the closed totals; counts them, the sheet's rows and those listed twice, and the
 * file's records.
 */
async function findClosing(tx: Database, file: UsageFileView) {
  await tx.execute(
    sql`CREATE TEMPORARY TABLE ${closingRows} ON COMMIT DROP AS
        SELECT u.row_number, u.id, u.billing_id, u.billing_note, r.subscription_id, r.item_id, r.quantity, r.amount
        FROM ${reconciliationRows} AS u JOIN usage_records AS r
          ON r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.id = u.id
        WHERE r.closed_at IS NULL AND r.errors IS NULL
          AND NOT EXISTS (SELECT 1 FROM ${duplicates} AS d WHERE d.id = u.id)`,
  );
  await tx.execute(sql`ANALYZE ${closingRows}`);
  const [counts] = await selectRows<{ records: number; rows: number; duplicateRows: number; ofFile: number }>(
    tx,
    sql`SELECT (SELECT count(*) FROM ${closingRows})::int AS records,
          (SELECT count(*) FROM ${reconciliationRows})::int AS rows,
          (SELECT coalesce(sum(rows), 0) FROM ${duplicates})::int AS "duplicateRows",
          (SELECT count(*) FROM usage_records WHERE ${currentRecordsOf(file)})::int AS "ofFile"`,
  );
  return counts!;
}

async function closeByUpdating(tx: Database, actor: Actor, file: UsageFileView): Promise<void> {
  await tx.execute(
    closingStatement(file, actor, { source: sql`${closingRows} AS u`, matching: sql`TRUE`, then: sql`SELECT 1` }),
  );
}

/** The closing records' sums to the file's closed totals, then the partition rewritten with them closed. */
async function closeByRewriting(tx: Database, actor: Actor, file: UsageFileView): Promise<void> {
  await tx.execute(
    addToClosedTotals(
      file,
      sql`(SELECT subscription_id, item_id, count(*)::int AS records, sum(quantity) AS quantity, sum(amount) AS amount
           FROM ${closingRows} GROUP BY subscription_id, item_id)`,
    ),
  );
  const closedValues: Partial<Record<string, SQL>> = {
    external_billing_id: sql`c.billing_id`,
    external_billing_note: sql`c.billing_note`,
    closed_at: sql`now()`,
    closed_by: sql`${actor.userId}`,
  };
  const columns = Object.values(getTableColumns(usageRecords)).map((column) => column.name);
  const values = columns.map((name) => {
    const closed = closedValues[name];
    const kept = sql`r.${sql.identifier(name)}`;
    return closed ? sql`CASE WHEN c.id IS NULL THEN ${kept} ELSE ${closed} END` : kept;
  });
  await rewriteRecordPartition(tx, file.id, file.generation, async (copy) => {
    await tx.execute(
      sql`INSERT INTO ${copy} (${sql.join(
        columns.map((name) => sql.identifier(name)),
        sql`, `,
      )})
          SELECT ${sql.join(values, sql`, `)}
          FROM usage_records AS r LEFT JOIN ${closingRows} AS c ON c.id = r.id
          WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation}`,
    );
  });
}

/** A row's record as reports name it: its public id ("UR-007" is "UR-7"), or the text that named none. */
function recordNamed(row: SQL): SQL {
  return sql`coalesce('UR-' || ${row}.id, ${row}.record_text)`;
}

/** One string for a million ids: far less to receive and hold than a row each. */
async function closedInSheetOrder(tx: Database): Promise<string[]> {
  const [row] = await selectRows<{ keys: string | null }>(
    tx,
    sql`SELECT string_agg('UR-' || id, ',' ORDER BY row_number) AS keys FROM ${closingRows}`,
  );
  // Public ids (`UR-…`) hold no comma.
  return row?.keys ? row.keys.split(",") : [];
}

async function duplicateKeys(tx: Database): Promise<ClosingReport["refused"]> {
  const rows = await selectRows<{ recordId: string }>(
    tx,
    sql`SELECT ${recordNamed(sql`d`)} AS "recordId" FROM ${duplicates} AS d ORDER BY first_row`,
  );
  return rows.map(({ recordId }) => ({ recordId, reason: "duplicate" }));
}

/** Rows listed once whose record did not close: closed already if the file has it, else not found. */
async function refusedInSheetOrder(tx: Database, file: UsageFileView): Promise<ClosingReport["refused"]> {
  const rows = await selectRows<{ recordId: string; reason: ClosingRefusalReason }>(
    tx,
    sql`SELECT ${recordNamed(sql`u`)} AS "recordId",
          CASE WHEN EXISTS (
            SELECT 1 FROM usage_records AS r
            WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.id = u.id AND r.errors IS NULL
          ) THEN 'already_closed' ELSE 'not_found' END AS reason
        FROM ${reconciliationRows} AS u
        WHERE NOT EXISTS (SELECT 1 FROM ${duplicates} AS d WHERE d.id = u.id)
          AND NOT EXISTS (SELECT 1 FROM ${duplicates} AS d WHERE d.record_text = u.record_text)
          AND NOT EXISTS (SELECT 1 FROM ${closingRows} AS c WHERE c.id = u.id)
        ORDER BY u.row_number`,
  );
  return rows.map(({ recordId, reason }) => ({ recordId, reason }));
}
