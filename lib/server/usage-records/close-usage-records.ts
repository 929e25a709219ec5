import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { usageFiles } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { groupBy } from "@/lib/domain/group-by";
import { listedRecordIdsMax } from "@/lib/domain/notifications";
import { parseUsageRecordPublicId, usageRecordPublicId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import {
  canonicalRecordId,
  withoutDuplicates,
  type ClosingReport,
  type RecordClosing,
} from "@/lib/domain/record-closing";
import type { BillingReference } from "@/lib/domain/usage-file-review";
import { recordEvent } from "@/lib/server/events";
import { publishNotification } from "@/lib/server/notifications/publish";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { fileOfRecord, filesOfRecords } from "@/lib/server/queries/usage-records";
import { authorizeAction, changedMeanwhile } from "@/lib/server/usage-files/act-on-usage-file";
import type { CurrentGeneration } from "@/db/record-partitions";

// Rows per UPDATE: a reconciliation sheet of a million rows goes through in bounded statements.
const chunkSize = 5000;

/**
 * Closes records of an Accepted file with their billing ids, in one transaction: each record that
 * is open closes; one already closed, not of the file, or listed twice is reported and left as it
 * is. Records may close while their file may (SPEC §3), so the checks are those of closing it.
 */
export async function closeUsageRecords(
  actor: Actor,
  usageFileId: string,
  closings: readonly RecordClosing[],
  source: "selection" | "reconciliation",
): Promise<Result<ClosingReport>> {
  const allowed = await closableFile(actor, usageFileId);
  if (!allowed.ok) return allowed;
  const { unique, duplicates } = withoutDuplicates(closings.map(canonicalClosing));
  return closeInFiles(actor, [{ file: allowed.value, closings: unique }], duplicates, source);
}

/**
 * Closes records named by their public ids alone, wherever they are: each record's file is the one
 * it belongs to among those the actor may see, and a record of no such file is "not found". The
 * files' checks are those of closing records of each, but answered record by record: the records
 * of a file not open for billing are refused as such, and the others close, every file's in one
 * transaction. Only an actor who may not close records at all is refused whole.
 */
export async function closeUsageRecordsById(
  actor: Actor,
  closings: readonly RecordClosing[],
): Promise<Result<ClosingReport>> {
  const canonical = closings.map(canonicalClosing);
  const { unique, duplicates } = withoutDuplicates(canonical);
  const ids = unique.map((c) => parseUsageRecordPublicId(c.recordId)).filter((id) => id !== null);
  const fileOf = await filesOfRecords(actor, ids);
  const fileIdOf = (closing: RecordClosing) => fileOf.get(parseUsageRecordPublicId(closing.recordId) ?? -1)?.id;
  const byFile = groupBy(unique, fileIdOf);
  const groups: FileClosings[] = [];
  const refused: ClosingReport["refused"] = [];
  // In the order of their ids, so that two such requests lock the files in one order.
  for (const usageFileId of [...byFile.keys()].filter((id): id is string => id !== undefined).sort()) {
    const closingsOfFile = byFile.get(usageFileId)!;
    const allowed = await closableFile(actor, usageFileId);
    if (allowed.ok) groups.push({ file: allowed.value, closings: closingsOfFile });
    else if (allowed.code === "forbidden") return allowed;
    else refused.push(...closingsOfFile.map((c) => ({ recordId: c.recordId, reason: "file_not_open" as const })));
  }
  const report = await closeInFiles(actor, groups, duplicates, "selection");
  if (!report.ok) return report;
  // Records of no file the actor may see are reported where they were asked for.
  refused.push(...(byFile.get(undefined) ?? []).map((c) => ({ recordId: c.recordId, reason: "not_found" as const })));
  return ok(inRequestOrder(canonical, { ...report.value, refused: [...report.value.refused, ...refused] }));
}

interface FileClosings {
  file: UsageFileView;
  closings: RecordClosing[];
}

/** Closes each file's records under its lock, in one transaction; `duplicates` are refused as such. */
async function closeInFiles(
  actor: Actor,
  groups: readonly FileClosings[],
  duplicates: readonly string[],
  source: "selection" | "reconciliation",
): Promise<Result<ClosingReport>> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<ClosingReport>> => {
    const report: ClosingReport = {
      closed: [],
      refused: duplicates.map((recordId) => ({ recordId, reason: "duplicate" })),
    };
    for (const { file, closings } of groups) {
      if (!(await lockAcceptedFile(tx, file.id))) return changedMeanwhile();
      const closedInFile: string[] = [];
      for (let start = 0; start < closings.length; start += chunkSize) {
        const chunk = closings.slice(start, start + chunkSize);
        const closed = await closeOpenRecords(tx, file, actor, chunk);
        const alreadyClosed = await existingRecords(
          tx,
          file,
          chunk.filter((c) => !closed.has(c.recordId)),
        );
        for (const { recordId } of chunk) {
          if (closed.has(recordId)) report.closed.push(recordId);
          else report.refused.push({ recordId, reason: alreadyClosed.has(recordId) ? "already_closed" : "not_found" });
        }
        closedInFile.push(...closed);
      }
      await announceClosedRecords(tx, actor, file.id, closedInFile, source);
    }
    return ok(report);
  });
}

/** The closing's event and notification, when any record closed; the notification lists the first few. */
export async function announceClosedRecords(
  tx: Database,
  actor: Actor,
  usageFileId: string,
  closed: readonly string[],
  source: "selection" | "reconciliation",
): Promise<void> {
  if (closed.length === 0) return;
  await recordEvent(tx, {
    objectType: "usage_file",
    objectId: usageFileId,
    action: "close_records",
    actor,
    details: { records: closed.length, source },
  });
  await publishNotification(tx, {
    type: "usage_records.closed",
    usageFileId,
    actor,
    records: { count: closed.length, ids: closed.slice(0, listedRecordIdsMax), allRemaining: false },
  });
}

/** The report's closed and refused records in the order they were asked for, duplicates first. */
function inRequestOrder(closings: readonly RecordClosing[], report: ClosingReport): ClosingReport {
  const position = new Map(closings.map((c, index) => [c.recordId, index] as const));
  const byPosition = (a: string, b: string) => position.get(a)! - position.get(b)!;
  const duplicates = report.refused.filter((r) => r.reason === "duplicate");
  const others = report.refused
    .filter((r) => r.reason !== "duplicate")
    .sort((a, b) => byPosition(a.recordId, b.recordId));
  return { closed: [...report.closed].sort(byPosition), refused: [...duplicates, ...others] };
}

/** One record closed with its own billing id; a refusal comes back as a failure saying why. */
export async function closeUsageRecord(
  actor: Actor,
  usageFileId: string,
  closing: RecordClosing,
): Promise<Result<ClosingReport>> {
  const result = await closeUsageRecords(actor, usageFileId, [closing], "selection");
  if (!result.ok) return result;
  const [refused] = result.value.refused;
  if (refused?.reason === "not_found")
    return fail("not_found", `Record ${closing.recordId} not found in this usage file.`);
  if (refused) return fail("conflict", `Record ${closing.recordId} is already closed.`);
  return result;
}

/** One record closed by its public id alone, as the API names it: its file is the one it belongs to. */
export async function closeUsageRecordById(
  actor: Actor,
  recordId: string,
  reference: BillingReference,
): Promise<Result<ClosingReport>> {
  const file = await fileOfRecord(actor, recordId);
  if (!file) return fail("not_found", `Record ${recordId} not found.`);
  return closeUsageRecord(actor, file.id, { recordId, ...reference });
}

/**
 * "Close all remaining records with one billing reference" (DESIGN: O(1)): the file's own billing
 * reference applies to every record without one, so a million records close in a one-row update.
 */
export async function closeRemainingRecords(
  actor: Actor,
  usageFileId: string,
  reference: BillingReference,
): Promise<Result<{ billingId: string }>> {
  const allowed = await closableFile(actor, usageFileId);
  if (!allowed.ok) return allowed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(usageFiles)
      .set({
        billingId: reference.externalBillingId,
        billingNote: reference.externalBillingNote,
        updatedAt: new Date(),
      })
      .where(and(eq(usageFiles.id, usageFileId), eq(usageFiles.status, "accepted"), isNull(usageFiles.billingId)))
      .returning({ billingId: usageFiles.billingId });
    if (!updated) return changedMeanwhile();
    await recordEvent(tx, {
      objectType: "usage_file",
      objectId: usageFileId,
      action: "close_records",
      actor,
      details: {
        allRemaining: true,
        billingId: reference.externalBillingId,
        billingNote: reference.externalBillingNote,
      },
    });
    await publishNotification(tx, {
      type: "usage_records.closed",
      usageFileId,
      actor,
      records: { count: null, ids: [], allRemaining: true },
    });
    return ok({ billingId: reference.externalBillingId });
  });
}

/** The file's reviewer, the file Accepted, and its records not all closed by a file-level reference. */
export async function closableFile(actor: Actor, usageFileId: string): Promise<Result<UsageFileView>> {
  const allowed = await authorizeAction(actor, usageFileId, "close");
  if (!allowed.ok) return allowed;
  if (allowed.value.billingId) {
    return fail("conflict", `Every remaining record was closed with billing reference ${allowed.value.billingId}.`);
  }
  return allowed;
}

/** Holds the file Accepted (and without a file-level reference) until the records are written. */
export async function lockAcceptedFile(tx: Database, usageFileId: string): Promise<boolean> {
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`SELECT id FROM usage_files WHERE id = ${usageFileId} AND status = 'accepted' AND billing_id IS NULL FOR SHARE`,
  );
  return rows.length === 1;
}

/** "UR-007" and "UR-7" name one record; the report names it as the database does. */
function canonicalClosing(closing: RecordClosing): RecordClosing {
  return { ...closing, recordId: canonicalRecordId(closing.recordId) };
}

/** The records as JSON rows: one parameter on both engines, however many records. */
function asJsonRows(closings: readonly RecordClosing[]): string {
  return JSON.stringify(
    closings.map((c) => ({
      id: parseUsageRecordPublicId(c.recordId) ?? -1,
      billing_id: c.externalBillingId,
      billing_note: c.externalBillingNote || null,
    })),
  );
}

/**
 * The records' ids as an array literal. Naming them in `id = ANY(…)` too lets the planner look
 * them up in the partition's primary key instead of scanning it once per chunk.
 */
function idArray(closings: readonly RecordClosing[]): string {
  return `{${closings.map((c) => parseUsageRecordPublicId(c.recordId) ?? -1).join(",")}}`;
}

/**
 * Updates by (usage_file_id, generation, id), the partition's key, so only the file's partition is
 * touched; the closed records' sums move to the closed part of the file's totals in the same statement.
 */
async function closeOpenRecords(
  tx: Database,
  file: CurrentGeneration,
  actor: Actor,
  closings: readonly RecordClosing[],
): Promise<Set<string>> {
  const rows = await selectRows<{ id: number | string }>(
    tx,
    closingStatement(file, actor, {
      source: sql`jsonb_to_recordset(${asJsonRows(closings)}::jsonb) AS u(id bigint, billing_id text, billing_note text)`,
      matching: sql`r.id = ANY(${idArray(closings)}::bigint[])`,
      then: sql`SELECT id FROM closed`,
    }),
  );
  return new Set(rows.map((row) => usageRecordPublicId(Number(row.id))));
}

/**
 * Closes the open, valid records of the file's current generation named by `source`'s rows
 * `u(id, billing_id, billing_note)` that also meet `matching`, and moves their sums to the closed
 * part of the file's totals; `then` reads the closed records' ids from `closed`.
 */
export function closingStatement(
  file: CurrentGeneration,
  actor: Actor,
  { source, matching, then }: { source: SQL; matching: SQL; then: SQL },
): SQL {
  return sql`WITH closed AS (
          UPDATE usage_records AS r
          SET external_billing_id = u.billing_id, external_billing_note = u.billing_note, closed_at = now(), closed_by = ${actor.userId}
          FROM ${source}
          WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND ${matching}
            AND r.id = u.id AND r.closed_at IS NULL AND r.errors IS NULL
          RETURNING r.id, r.subscription_id, r.item_id, r.quantity, r.amount
        ), sums AS (
          SELECT subscription_id, item_id, count(*)::int AS records, sum(quantity) AS quantity, sum(amount) AS amount
          FROM closed GROUP BY subscription_id, item_id
        ), totals AS (${addToClosedTotals(file, sql`sums`)})
        ${then}`;
}

/**
 * Adds `sums` (rows of subscription_id, item_id, records, quantity, amount of records just closed)
 * to the closed part of the file's totals.
 */
export function addToClosedTotals(file: CurrentGeneration, sums: SQL): SQL {
  return sql`UPDATE usage_file_totals AS t
          SET closed_records = t.closed_records + sums.records, closed_quantity = t.closed_quantity + sums.quantity,
              closed_amount = CASE WHEN sums.amount IS NULL THEN t.closed_amount ELSE coalesce(t.closed_amount, 0) + sums.amount END
          FROM ${sums} AS sums
          WHERE t.usage_file_id = ${file.id} AND t.generation = ${file.generation}
            AND t.subscription_id = sums.subscription_id AND t.item_id = sums.item_id`;
}

async function existingRecords(
  tx: Database,
  file: CurrentGeneration,
  closings: readonly RecordClosing[],
): Promise<Set<string>> {
  if (closings.length === 0) return new Set();
  const rows = await selectRows<{ id: number | string }>(
    tx,
    sql`SELECT r.id FROM usage_records AS r
        WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.id = ANY(${idArray(closings)}::bigint[])
          AND r.errors IS NULL`,
  );
  return new Set(rows.map((row) => usageRecordPublicId(Number(row.id))));
}
