import "server-only";
import { and, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import type { CurrentGeneration } from "@/db/record-partitions";
import { usageFiles, usageRecordWarnings } from "@/db/schema";
import {
  warningCounterpartStatuses,
  warningCountsOf,
  type UsageWarningCode,
  type WarningCounts,
} from "@/lib/domain/usage-warnings";
import { keysSharedWith } from "@/lib/domain/record-id-keys";
import { recordIdKeysOf } from "./record-id-keys";

/** The file whose current records are checked. */
export interface CheckedFile {
  id: string;
  generation: number;
  contractId: string;
  periodFrom: Date;
  periodTo: Date;
  /** Whether it is being handed to (or already with) its reviewer: see `warningCounterpartStatuses`. */
  submitted: boolean;
  /** The file it amends, if it is an amendment. */
  amends: string | null;
}

/**
 * The other live files of the contract the file is checked against, by id: named as values, so
 * that PostgreSQL reads only their partitions instead of joining every partition of the contract.
 * An amendment is not checked against the file it amends nor that file's other amendments: it
 * restates their records by design.
 */
async function counterpartFiles(
  tx: Database,
  file: CheckedFile,
  periodOverlapping: boolean,
): Promise<CurrentGeneration[]> {
  return tx
    .select({ id: usageFiles.id, generation: usageFiles.generation })
    .from(usageFiles)
    .where(
      and(
        eq(usageFiles.contractId, file.contractId),
        ne(usageFiles.id, file.id),
        inArray(usageFiles.status, [...warningCounterpartStatuses(file)]),
        file.amends === null ? undefined : outsideChainOf(file.amends),
        periodOverlapping
          ? and(lt(usageFiles.periodFrom, file.periodTo), gt(usageFiles.periodTo, file.periodFrom))
          : undefined,
      ),
    );
}

function outsideChainOf(original: string): SQL {
  return and(ne(usageFiles.id, original), or(isNull(usageFiles.amends), ne(usageFiles.amends, original)))!;
}

/** Files' ids as a SQL list; `NULL` for none, which matches nothing. */
function idList(files: readonly CurrentGeneration[]): SQL {
  return files.length === 0
    ? sql`NULL`
    : sql.join(
        files.map((other) => sql`${other.id}`),
        sql`, `,
      );
}

/**
 * Checks a file's valid records against the other live files of its contract and against each
 * other, replacing the warnings it had, and answers how many records carry each code. Runs in the
 * caller's transaction, set-based: a few statements whatever the number of records.
 */
export async function checkUsageWarnings(tx: Database, file: CheckedFile): Promise<WarningCounts> {
  await tx
    .delete(usageRecordWarnings)
    .where(and(eq(usageRecordWarnings.usageFileId, file.id), eq(usageRecordWarnings.generation, file.generation)));
  await insertOverlapWarnings(tx, file, await counterpartFiles(tx, file, true));
  await insertDuplicateRecordIdWarnings(tx, file, await counterpartFiles(tx, file, false));
  const counted = await selectRows<{ code: UsageWarningCode; records: number | string }>(
    tx,
    sql`SELECT code, count(*) AS records FROM usage_record_warnings
        WHERE usage_file_id = ${file.id} AND generation = ${file.generation} GROUP BY code`,
  );
  return warningCountsOf(counted.map(({ code, records }) => ({ code, records: Number(records) })));
}

/**
 * Overlapping windows (`overlaps_other_file`, `overlaps_in_file`) by sweeps per subscription and
 * item instead of a join, which would compare every pair of a busy subscription's records: in start
 * order, a record overlaps an earlier-starting one exactly when the greatest end before it is past
 * its start, and a later-starting one exactly when the next start is before its end (windows are
 * `[start, end)`, as `windowsOverlap` in lib/domain/usage-warnings.ts). A first sweep over plain
 * times (`overlappingPairs`) finds the subscription and item pairs where anything overlaps; only
 * their records are swept again with `max`/`min` over `[time, id]` arrays, which carry the id of the
 * record that decides: most files have no overlap, and the costly second sweep is then not run.
 * Only files whose period overlaps this one's can hold an overlapping record, since records lie
 * inside their file's period; their records are read by the (subscription_id, item_id, start_time)
 * index of each partition (db/record-partitions.ts) for the subscription and item pairs this file has.
 */
async function insertOverlapWarnings(tx: Database, file: CheckedFile, others: CurrentGeneration[]): Promise<void> {
  const pairs = await overlappingPairs(tx, file, others);
  if (pairs.length === 0) return;
  const columns = sql`id, usage_file_id, record_id, subscription_id, item_id, start_time, end_time`;
  const inPairs = sql`SELECT subscription_id, item_id FROM pairs`;
  await tx.execute(sql`
    WITH pairs AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS pair (subscription_id text, item_id text)
    ),
    candidates AS MATERIALIZED (
      SELECT *, false AS other FROM (${ownRecords(file, columns)}) own WHERE (subscription_id, item_id) IN (${inPairs})
      UNION ALL
      SELECT *, true FROM (${otherRecords(others, columns, inPairs)}) other
    ),
    swept AS (
      SELECT id, other, start_time, end_time,
        max(ARRAY[extract(epoch FROM end_time), id]) FILTER (WHERE other) OVER earlier AS earlier_other,
        min(ARRAY[extract(epoch FROM start_time), id]) FILTER (WHERE other) OVER later AS later_other,
        max(ARRAY[extract(epoch FROM end_time), id]) FILTER (WHERE NOT other) OVER earlier AS earlier_own,
        min(ARRAY[extract(epoch FROM start_time), id]) FILTER (WHERE NOT other) OVER later AS later_own
      FROM candidates
      WINDOW
        earlier AS (PARTITION BY subscription_id, item_id ORDER BY start_time, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
        later AS (PARTITION BY subscription_id, item_id ORDER BY start_time DESC, id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ),
    found AS (
      SELECT id, 'overlaps_other_file' AS code, CASE
          WHEN earlier_other[1] > extract(epoch FROM start_time) THEN earlier_other[2]
          WHEN later_other[1] < extract(epoch FROM end_time) THEN later_other[2]
        END AS other_id
      FROM swept WHERE NOT other
      UNION ALL
      SELECT id, 'overlaps_in_file', CASE
          WHEN earlier_own[1] > extract(epoch FROM start_time) THEN earlier_own[2]
          WHEN later_own[1] < extract(epoch FROM end_time) THEN later_own[2]
        END
      FROM swept WHERE NOT other
    )
    INSERT INTO usage_record_warnings
      (usage_file_id, generation, usage_record_id, code, other_file_id, other_record_id, other_record_key)
    SELECT ${file.id}, ${file.generation}, found.id, found.code, c.usage_file_id, c.id, c.record_id
    FROM found JOIN candidates c ON c.id = found.other_id::bigint
    WHERE found.other_id IS NOT NULL`);
}

/**
 * The subscription and item pairs of the file where any two windows overlap, its own or the other
 * files' for the pairs it has. Whether a pair has an overlap does not depend on how records
 * starting together are ordered, so they are not ordered by id, and the pairs are grouped bytewise
 * (COLLATE "C", the same equality): the sort is the cost of this sweep. A statement of its own, as
 * a read-only one may use parallel workers, which an INSERT may not.
 */
async function overlappingPairs(tx: Database, file: CheckedFile, others: CurrentGeneration[]) {
  const times = sql`subscription_id, item_id, start_time, end_time`;
  const ownPairs = ownRecords(file, sql`subscription_id, item_id`);
  return selectRows<{ subscription_id: string; item_id: string }>(
    tx,
    sql`
      SELECT DISTINCT subscription_id, item_id
      FROM (
        SELECT subscription_id, item_id, start_time,
          max(end_time) OVER (PARTITION BY subscription_id COLLATE "C", item_id COLLATE "C" ORDER BY start_time
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
        FROM (${ownRecords(file, times)} UNION ALL ${otherRecords(others, times, ownPairs)}) candidates
      ) flagged
      WHERE earlier_end > start_time`,
  );
}

/** `columns` of the file's valid records. */
function ownRecords(file: CheckedFile, columns: SQL): SQL {
  return sql`SELECT ${columns} FROM usage_records
    WHERE usage_file_id = ${file.id} AND generation = ${file.generation} AND errors IS NULL`;
}

/** `columns` of the other files' records, of the subscription and item pairs `pairs` selects. */
function otherRecords(others: CurrentGeneration[], columns: SQL, pairs: SQL): SQL {
  return sql`SELECT ${columns} FROM (
    SELECT o.* FROM usage_files f
    JOIN usage_records o ON o.usage_file_id = f.id AND o.generation = f.generation
    WHERE f.id IN (${idList(others)}) AND o.usage_file_id IN (${idList(others)})
      AND (o.subscription_id, o.item_id) IN (${pairs})
  ) other`;
}

/**
 * `duplicate_record_id_other_file`: a record id already used by a valid record of another live file
 * of the contract, of any period. The files' record id keys tell which other files may share an
 * id without reading their records (usually none); only those are joined, through each partition's
 * unique index on (usage_file_id, generation, record_id COLLATE "C") WHERE errors IS NULL, hence the
 * same collation and condition here. The least such record is named.
 */
async function insertDuplicateRecordIdWarnings(
  tx: Database,
  file: CheckedFile,
  others: CurrentGeneration[],
): Promise<void> {
  const sharing = await filesSharingRecordIdKeys(tx, file, others);
  if (sharing.length === 0) return;
  await tx.execute(sql`
    INSERT INTO usage_record_warnings
      (usage_file_id, generation, usage_record_id, code, other_file_id, other_record_id, other_record_key)
    SELECT DISTINCT ON (r.id) ${file.id}, ${file.generation}, r.id, 'duplicate_record_id_other_file',
      o.usage_file_id, o.id, o.record_id
    FROM usage_records r
    JOIN usage_files f ON f.id IN (${idList(sharing)})
    JOIN usage_records o ON o.usage_file_id = f.id AND o.usage_file_id IN (${idList(sharing)})
      AND o.generation = f.generation AND o.errors IS NULL
      AND o.record_id COLLATE "C" = r.record_id COLLATE "C"
    WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.errors IS NULL
    ORDER BY r.id, o.id`);
}

/**
 * The other files whose record id keys share at least one key with the file's: one merge of the
 * file's keys with all of theirs, a piece of each at a time (a 5M-record file's keys are 40 MB).
 */
async function filesSharingRecordIdKeys(tx: Database, file: CheckedFile, others: CurrentGeneration[]) {
  if (others.length === 0) return [];
  const shared = await keysSharedWith(
    recordIdKeysOf(tx, file),
    others.map((other) => recordIdKeysOf(tx, other)),
  );
  return others.filter((_, at) => shared[at]);
}
