import "server-only";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { recordPartitionName } from "@/db/record-partitions";
import { usageFileRejections, usageRecords } from "@/db/schema";
import { usageRecordPublicId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import {
  comparedRecordFields,
  fieldChanges,
  type ComparedValues,
  type FieldChange,
  type ReviewFilter,
} from "@/lib/domain/usage-disputes";
import { getUsageFile, type UsageFileView } from "./usage-files";

/** A file's last rejection: the generation it judged, which the next review is compared with. */
export interface Rejection {
  id: number;
  generation: number;
  rejectedAt: Date;
  /** Once the file was sent again: its changed records are written (usage_changed_records). */
  resubmittedAt: Date | null;
}

export async function lastRejectionOf(db: Database, usageFileId: string): Promise<Rejection | null> {
  const [rejection] = await db
    .select({
      id: usageFileRejections.id,
      generation: usageFileRejections.generation,
      rejectedAt: usageFileRejections.rejectedAt,
      resubmittedAt: usageFileRejections.resubmittedAt,
    })
    .from(usageFileRejections)
    .where(eq(usageFileRejections.usageFileId, usageFileId))
    .orderBy(desc(usageFileRejections.id))
    .limit(1);
  return rejection ?? null;
}

/** A record as it was at the rejection (`old`) and is now (`new`), matched by the vendor's record_id. */
export interface ChangedRecord {
  /** `UR-…` of the current record. */
  id: string;
  recordId: string;
  /** The reason it was disputed with, when it was. */
  disputeReason: string | null;
  changes: FieldChange[];
}
export interface ListedRecord {
  /** `UR-…`: of the current record (added, disputed unchanged) or of the rejected one (removed). */
  id: string;
  recordId: string;
  disputeReason: string | null;
}

export interface UsageFileChanges {
  rejectedAt: Date;
  counts: { changed: number; added: number; removed: number; disputedUnchanged: number; disputed: number };
  /** The first `limit` of each kind, by record_id. */
  changed: ChangedRecord[];
  added: ListedRecord[];
  removed: ListedRecord[];
  disputedUnchanged: ListedRecord[];
}

type Kind = "changed" | "added" | "removed" | "disputed_unchanged";

/**
 * What changed in a file since its last rejection, for whoever may see the file (null: not found;
 * `rejection` null: never rejected): the records whose values differ (field by field), added,
 * removed, and disputed but unchanged. One set-based comparison of the rejected generation (with
 * the values kept of records corrected in the browser since) and the current one, by record_id,
 * never a loop over the records; only the first `limit` of each kind are listed.
 */
export async function getUsageFileChanges(
  actor: Actor,
  usageFileId: string,
  limit = 100,
): Promise<{ file: UsageFileView; rejection: UsageFileChanges | null } | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const db = await getDb();
  const rejection = await lastRejectionOf(db, file.id);
  if (!rejection || !(await partitionExists(db, file.id, rejection.generation))) return { file, rejection: null };
  // Compiling the comparison's expressions (JIT) cost many times what running them does.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return selectRows<ChangeRow>(tx, changesQuery(file, rejection, limit));
  });
  const [disputed] = await selectRows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM usage_disputed_records WHERE rejection_id = ${rejection.id}`,
  );
  const counts = { changed: 0, added: 0, removed: 0, disputedUnchanged: 0, disputed: disputed?.count ?? 0 };
  const changes: UsageFileChanges = {
    rejectedAt: rejection.rejectedAt,
    counts,
    changed: [],
    added: [],
    removed: [],
    disputedUnchanged: [],
  };
  for (const row of rows) {
    const listed = {
      id: usageRecordPublicId(Number(row.kind === "removed" ? row.old_id : row.new_id)),
      recordId: row.record_id,
      disputeReason: row.reason,
    };
    if (row.kind === "changed") {
      counts.changed = Number(row.total);
      changes.changed.push({ ...listed, changes: fieldChanges(valuesOf(row, "old_"), valuesOf(row, "new_")) });
    } else if (row.kind === "added") {
      counts.added = Number(row.total);
      changes.added.push(listed);
    } else if (row.kind === "removed") {
      counts.removed = Number(row.total);
      changes.removed.push(listed);
    } else {
      counts.disputedUnchanged = Number(row.total);
      changes.disputedUnchanged.push(listed);
    }
  }
  return { file, rejection: changes };
}

type ChangeRow = {
  kind: Kind;
  total: number | string;
  record_id: string;
  reason: string | null;
  old_id: number | string | null;
  new_id: number | string | null;
} & Record<string, string | null>;

function valuesOf(row: ChangeRow, prefix: "old_" | "new_"): ComparedValues {
  return Object.fromEntries(
    comparedRecordFields.map((field) => [field, row[`${prefix}${field}`] ?? null]),
  ) as ComparedValues;
}

async function partitionExists(db: Database, usageFileId: string, generation: number): Promise<boolean> {
  const [row] = await selectRows<{ exists: boolean }>(
    db,
    sql`SELECT to_regclass(${recordPartitionName(usageFileId, generation)}) IS NOT NULL AS exists`,
  );
  return Boolean(row?.exists);
}

/** The compared columns as usage_records names them. */
const comparedColumns = [
  "note",
  "item_id",
  "subscription_id",
  "quantity",
  "start_time",
  "end_time",
  "amount",
  "tier",
  "category_id",
  "params",
] as const;

const columnsOf = (alias: string, as = "") =>
  sql.raw(comparedColumns.map((column) => `${alias}.${column}${as && ` AS ${as}${column}`}`).join(", "));

/**
 * The compared values as text (quantities without trailing zeros, times as the sheet writes them),
 * from the columns `prefix`ed, named `as` + the field: only for the rows listed, never for every record.
 */
function comparedText(prefix: string, as: string): SQL {
  const time = (column: string) =>
    `regexp_replace(to_char(${prefix}${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), '\\.000$', '')`;
  const expressions: Record<(typeof comparedRecordFields)[number], string> = {
    note: `${prefix}note`,
    item_id: `${prefix}item_id`,
    subscription_id: `${prefix}subscription_id`,
    quantity: `trim_scale(${prefix}quantity)::text`,
    start_time_utc: time("start_time"),
    end_time_utc: time("end_time"),
    amount: `trim_scale(${prefix}amount)::text`,
    tier: `${prefix}tier::text`,
    category_id: `${prefix}category_id`,
    params: `${prefix}params::text`,
  };
  return sql.raw(comparedRecordFields.map((field) => `${expressions[field]} AS "${as}${field}"`).join(", "));
}

/**
 * The rejected records: the rejected generation's valid records, but for those corrected in the
 * browser since, their values kept at the first correction. When the file was not uploaded again,
 * only the records corrected or disputed can differ, and only those are read. Values are compared
 * as stored (numbers as numbers), and turned into text only for the records listed.
 */
function changesQuery(file: UsageFileView, rejection: Rejection, limit: number): SQL {
  const sameGeneration = rejection.generation === file.generation;
  const touched = sql`(SELECT usage_record_id FROM usage_rejected_records WHERE rejection_id = ${rejection.id}
    UNION SELECT usage_record_id FROM usage_disputed_records WHERE rejection_id = ${rejection.id})`;
  const onlyTouched = sameGeneration ? sql`AND r.id IN ${touched}` : sql``;
  return sql`
    WITH old AS (
      SELECT r.id, r.record_id, ${columnsOf("r")} FROM ${usageRecords} r
      WHERE r.usage_file_id = ${file.id} AND r.generation = ${rejection.generation} AND r.errors IS NULL ${onlyTouched}
        AND NOT EXISTS (SELECT 1 FROM usage_rejected_records k WHERE k.rejection_id = ${rejection.id} AND k.usage_record_id = r.id)
      UNION ALL
      SELECT k.usage_record_id, k.record_id, ${columnsOf("k")} FROM usage_rejected_records k
      WHERE k.rejection_id = ${rejection.id}
    ), new AS (
      SELECT r.id, r.record_id, ${columnsOf("r")} FROM ${usageRecords} r
      WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.errors IS NULL ${onlyTouched}
    ), pairs AS (
      SELECT coalesce(n.record_id, o.record_id) AS record_id, o.id AS old_id, n.id AS new_id, d.reason,
        ${columnsOf("o", "o_")}, ${columnsOf("n", "n_")},
        CASE WHEN o.id IS NULL THEN 'added' WHEN n.id IS NULL THEN 'removed'
          WHEN (${columnsOf("o")}) IS DISTINCT FROM (${columnsOf("n")}) THEN 'changed'
          WHEN d.reason IS NOT NULL THEN 'disputed_unchanged' END AS kind
      FROM old o FULL JOIN new n ON n.record_id COLLATE "C" = o.record_id COLLATE "C"
      LEFT JOIN usage_disputed_records d ON d.rejection_id = ${rejection.id}
        AND d.record_id COLLATE "C" = o.record_id COLLATE "C"
    ), listed AS (
      SELECT *, count(*) OVER (PARTITION BY kind) AS total,
        row_number() OVER (PARTITION BY kind ORDER BY record_id COLLATE "C") AS position
      FROM pairs WHERE kind IS NOT NULL
    )
    SELECT kind, total, record_id, reason, old_id, new_id, ${comparedText("o_", "old_")}, ${comparedText("n_", "new_")}
    FROM listed
    WHERE position <= ${limit}
    ORDER BY kind, position`;
}

/**
 * The record grid's review filters as SQL over the current records: `changed`, added or changed
 * since the last rejection; `disputed`, its record_id was disputed. Once the file was sent again
 * the changed records' ids were written, and are read; until then (the vendor's view of a Rejected
 * file) see `changedSinceRejection`. The disputes are found through their record_id index.
 */
export function reviewFilterOf(rejection: Rejection | null, filter: ReviewFilter): SQL {
  if (!rejection) return sql`false`;
  if (filter === "disputed") {
    return sql`EXISTS (SELECT 1 FROM usage_disputed_records d WHERE d.rejection_id = ${rejection.id}
      AND d.record_id COLLATE "C" = ${usageRecords.recordId} COLLATE "C")`;
  }
  if (rejection.resubmittedAt === null) return changedSinceRejection(rejection);
  return sql`${usageRecords.id} IN (SELECT c.usage_record_id FROM usage_changed_records c WHERE c.rejection_id = ${rejection.id})`;
}

/**
 * The current records added or changed since the rejection: no rejected record with its record_id
 * and the same values. A lookup per row through an index (the rejected partition's unique record_id
 * index, the kept values' record_id index): every record of the file is probed.
 */
export function changedSinceRejection(rejection: Rejection): SQL {
  const current = columnsOf("usage_records");
  const rejected = (alias: string) => columnsOf(alias);
  return sql`NOT EXISTS (SELECT 1 FROM usage_records p
      WHERE p.usage_file_id = ${usageRecords.usageFileId} AND p.generation = ${rejection.generation}
        AND p.errors IS NULL AND p.record_id COLLATE "C" = ${usageRecords.recordId} COLLATE "C"
        AND (${rejected("p")}) IS NOT DISTINCT FROM (${current})
        AND NOT EXISTS (SELECT 1 FROM usage_rejected_records k WHERE k.rejection_id = ${rejection.id} AND k.usage_record_id = p.id))
    AND NOT EXISTS (SELECT 1 FROM usage_rejected_records k WHERE k.rejection_id = ${rejection.id}
        AND k.record_id COLLATE "C" = ${usageRecords.recordId} COLLATE "C"
        AND (${rejected("k")}) IS NOT DISTINCT FROM (${current}))`;
}

/** A record the last rejection disputed, with its reason, and the current record of its record_id (null if gone). */
export interface DisputedRecord {
  recordId: string;
  reason: string;
  /** `UR-…` of the current record with this record_id. */
  currentId: string | null;
}

/** The records the file's last rejection disputed, by record_id, for whoever may see the file (null: not found). */
export async function listDisputedRecords(actor: Actor, usageFileId: string): Promise<DisputedRecord[] | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const db = await getDb();
  const rejection = await lastRejectionOf(db, file.id);
  if (!rejection) return [];
  const rows = await selectRows<{ record_id: string; reason: string; current_id: number | string | null }>(
    db,
    sql`SELECT d.record_id, d.reason, r.id AS current_id
      FROM usage_disputed_records d
      LEFT JOIN usage_records r ON r.usage_file_id = ${file.id} AND r.generation = ${file.generation}
        AND r.errors IS NULL AND r.record_id COLLATE "C" = d.record_id COLLATE "C"
      WHERE d.rejection_id = ${rejection.id}
      ORDER BY d.record_id COLLATE "C"`,
  );
  return rows.map((row) => ({
    recordId: row.record_id,
    reason: row.reason,
    currentId: row.current_id === null ? null : usageRecordPublicId(Number(row.current_id)),
  }));
}

/** The file's last rejection, for whoever may see the file; null if none (or not found). */
export async function getLastRejection(actor: Actor, usageFileId: string): Promise<Rejection | null> {
  const file = await getUsageFile(actor, usageFileId);
  return file && lastRejectionOf(await getDb(), file.id);
}
