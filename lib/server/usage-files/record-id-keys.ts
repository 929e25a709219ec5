import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { currentRecordsOf, type CurrentGeneration } from "@/db/record-partitions";
import { usageRecordIdKeys, usageRecords } from "@/db/schema";
import { keysFromBytes, keysToBytes, RecordIdKeyList, withKey } from "@/lib/domain/record-id-keys";

const ofGeneration = (file: CurrentGeneration) =>
  and(eq(usageRecordIdKeys.usageFileId, file.id), eq(usageRecordIdKeys.generation, file.generation));

export async function storeRecordIdKeys(tx: Database, file: CurrentGeneration, keys: Float64Array): Promise<void> {
  const bytes = keysToBytes(keys);
  await tx
    .insert(usageRecordIdKeys)
    .values({ usageFileId: file.id, generation: file.generation, keys: bytes })
    .onConflictDoUpdate({
      target: [usageRecordIdKeys.usageFileId, usageRecordIdKeys.generation],
      set: { keys: bytes },
    });
}

/**
 * The keys of a generation's record ids: as stored by processing, or read off its records and
 * stored, for a file processed before keys were kept (or written by SQL, as the demo data is).
 */
export async function recordIdKeysOf(tx: Database, file: CurrentGeneration): Promise<Float64Array> {
  const [stored] = await tx.select({ keys: usageRecordIdKeys.keys }).from(usageRecordIdKeys).where(ofGeneration(file));
  if (stored) return keysFromBytes(stored.keys);
  const keys = await keysOfRecords(tx, file);
  await storeRecordIdKeys(tx, file, keys);
  return keys;
}

async function keysOfRecords(tx: Database, file: CurrentGeneration): Promise<Float64Array> {
  const list = new RecordIdKeyList();
  const rows = await tx
    .select({ recordId: usageRecords.recordId })
    .from(usageRecords)
    .where(and(currentRecordsOf(file), isNotNull(usageRecords.recordId)));
  for (const row of rows) list.add(row.recordId!);
  return list.sorted();
}

/** A corrected record's id joins the keys, if the generation has any stored yet. */
export async function addRecordIdKey(tx: Database, file: CurrentGeneration, recordId: string): Promise<void> {
  const [stored] = await tx
    .select({ keys: usageRecordIdKeys.keys })
    .from(usageRecordIdKeys)
    .where(ofGeneration(file))
    .for("update");
  if (!stored) return;
  await tx
    .update(usageRecordIdKeys)
    .set({ keys: keysToBytes(withKey(keysFromBytes(stored.keys), recordId)) })
    .where(ofGeneration(file));
}
