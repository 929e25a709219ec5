import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ClosingRefusalReason, ClosingReport } from "@/lib/domain/record-closing";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { changedMeanwhile } from "@/lib/server/usage-files/act-on-usage-file";
import { announceClosedRecords, closingStatement, lockAcceptedFile } from "./close-usage-records";
import { reconciliationRows } from "./reconciliation-rows";

const duplicates = sql.identifier("reconciliation_duplicates");
const closedIds = sql.identifier("reconciliation_closed");

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
): Promise<Result<ClosingReport>> {
  return session.transaction(async (tx): Promise<Result<ClosingReport>> => {
    if (!(await lockAcceptedFile(tx, file.id))) return changedMeanwhile();
    await tx.execute(
      sql`CREATE TEMPORARY TABLE ${duplicates} ON COMMIT DROP AS
          SELECT record_key, min(row_number) AS first_row FROM ${reconciliationRows} GROUP BY record_key HAVING count(*) > 1`,
    );
    await tx.execute(sql`CREATE TEMPORARY TABLE ${closedIds} (id bigint) ON COMMIT DROP`);
    await tx.execute(
      closingStatement(file, actor, {
        source: sql`${reconciliationRows} AS u`,
        matching: sql`NOT EXISTS (SELECT 1 FROM ${duplicates} AS d WHERE d.record_key = u.record_key)`,
        then: sql`INSERT INTO ${closedIds} (id) SELECT id FROM closed`,
      }),
    );
    await tx.execute(sql`ANALYZE ${closedIds}`);
    const closed = await closedInSheetOrder(tx);
    const refused = [...(await duplicateKeys(tx)), ...(await refusedInSheetOrder(tx, file))];
    await announceClosedRecords(tx, actor, file.id, closed, "reconciliation");
    return ok({ closed, refused });
  });
}

/** One string for a million ids: far less to receive and hold than a row each. */
async function closedInSheetOrder(tx: Database): Promise<string[]> {
  const [row] = await selectRows<{ keys: string | null }>(
    tx,
    sql`SELECT string_agg(u.record_key, ',' ORDER BY u.row_number) AS keys
        FROM ${reconciliationRows} AS u JOIN ${closedIds} AS c ON c.id = u.id`,
  );
  // Closed rows name records by their canonical ids (`UR-…`), which hold no comma.
  return row?.keys ? row.keys.split(",") : [];
}

async function duplicateKeys(tx: Database): Promise<ClosingReport["refused"]> {
  const rows = await selectRows<{ recordId: string }>(
    tx,
    sql`SELECT record_key AS "recordId" FROM ${duplicates} ORDER BY first_row`,
  );
  return rows.map(({ recordId }) => ({ recordId, reason: "duplicate" }));
}

/** Rows listed once whose record did not close: closed already if the file has it, else not found. */
async function refusedInSheetOrder(tx: Database, file: UsageFileView): Promise<ClosingReport["refused"]> {
  const rows = await selectRows<{ recordId: string; reason: ClosingRefusalReason }>(
    tx,
    sql`SELECT u.record_key AS "recordId",
          CASE WHEN EXISTS (
            SELECT 1 FROM usage_records AS r
            WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.id = u.id AND r.errors IS NULL
          ) THEN 'already_closed' ELSE 'not_found' END AS reason
        FROM ${reconciliationRows} AS u
        WHERE NOT EXISTS (SELECT 1 FROM ${duplicates} AS d WHERE d.record_key = u.record_key)
          AND NOT EXISTS (SELECT 1 FROM ${closedIds} AS c WHERE c.id = u.id)
        ORDER BY u.row_number`,
  );
  return rows.map(({ recordId, reason }) => ({ recordId, reason }));
}
