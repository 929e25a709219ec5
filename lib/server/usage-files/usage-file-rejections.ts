import "server-only";
import { eq, sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { usageFileRejections, type UsageRecord } from "@/db/schema";
import type { CurrentGeneration } from "@/db/record-partitions";
import { parseUsageRecordPublicId, usageRecordPublicId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { DisputedRecordInput } from "@/lib/domain/usage-disputes";
import { changedSinceRejection, lastRejectionOf } from "@/lib/server/queries/usage-file-changes";

/** The disputed ids (`UR-…`) that are not records of the file's current generation. */
export async function disputedIdsNotInFile(
  tx: Database,
  file: CurrentGeneration,
  disputed: readonly DisputedRecordInput[],
): Promise<string[]> {
  if (disputed.length === 0) return [];
  const ids = disputed.map((record) => parseUsageRecordPublicId(record.id)!);
  const found = await selectRows<{ id: number | string }>(
    tx,
    sql`SELECT id FROM usage_records WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
      AND id = ANY(${`{${ids.join(",")}}`}::bigint[])`,
  );
  const inFile = new Set(found.map((row) => usageRecordPublicId(Number(row.id))));
  return disputed.map((record) => record.id).filter((id) => !inFile.has(id));
}

/** Stores the rejection of the file's current generation with its disputed records (found by id, kept by record_id). */
export async function storeRejection(
  tx: Database,
  file: CurrentGeneration,
  actor: Actor,
  disputed: readonly DisputedRecordInput[],
): Promise<void> {
  const [rejection] = await tx
    .insert(usageFileRejections)
    .values({ usageFileId: file.id, generation: file.generation, rejectedBy: actor.userId })
    .returning({ id: usageFileRejections.id });
  if (disputed.length === 0) return;
  const rows = JSON.stringify(
    disputed.map((record) => ({ id: parseUsageRecordPublicId(record.id), reason: record.reason })),
  );
  await tx.execute(sql`
    INSERT INTO usage_disputed_records (rejection_id, usage_record_id, record_id, reason)
    SELECT ${rejection!.id}, r.id, r.record_id, d.reason
    FROM jsonb_to_recordset(${rows}::jsonb) AS d(id bigint, reason text)
    JOIN usage_records r ON r.usage_file_id = ${file.id} AND r.generation = ${file.generation} AND r.id = d.id`);
}

/**
 * Before a record of the rejected generation is corrected in the browser, keeps its values as they
 * were at the rejection (the first correction's; later ones keep that), so the next review compares
 * with what was rejected and not with the partition's corrected row.
 */
export async function keepRejectedValues(tx: Database, file: CurrentGeneration, record: UsageRecord): Promise<void> {
  const rejection = await lastRejectionOf(tx, file.id);
  if (!rejection || rejection.generation !== file.generation) return;
  await tx.execute(sql`
    INSERT INTO usage_rejected_records (rejection_id, usage_record_id, record_id, note, item_id, subscription_id,
      quantity, start_time, end_time, amount, tier, category_id, params)
    SELECT ${rejection.id}, id, record_id, note, item_id, subscription_id, quantity, start_time, end_time, amount,
      tier, category_id, params
    FROM usage_records WHERE usage_file_id = ${file.id} AND generation = ${file.generation} AND id = ${record.id}
    ON CONFLICT DO NOTHING`);
}

/**
 * When a rejected file is sent again: writes which of its current records changed or were added
 * since the last rejection, once, so the reviewer's grid filter reads their ids.
 */
export async function writeChangedRecords(tx: Database, file: CurrentGeneration): Promise<void> {
  const rejection = await lastRejectionOf(tx, file.id);
  if (!rejection || rejection.resubmittedAt !== null) return;
  await tx.execute(sql`
    INSERT INTO usage_changed_records (rejection_id, usage_record_id)
    SELECT ${rejection.id}, usage_records.id FROM usage_records
    WHERE usage_records.usage_file_id = ${file.id} AND usage_records.generation = ${file.generation}
      AND usage_records.errors IS NULL AND ${changedSinceRejection(rejection)}`);
  await tx
    .update(usageFileRejections)
    .set({ resubmittedAt: new Date() })
    .where(eq(usageFileRejections.id, rejection.id));
}
