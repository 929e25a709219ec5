import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/db/client";
import { binaryCopyRowOpening, binaryInt4 } from "@/db/copy";
import { currentRecordsOf, type CurrentGeneration } from "@/db/record-partitions";
import { usageRecordIdKeys, usageRecords } from "@/db/schema";
import { keysFromBytes, keysToBytes, RecordIdKeyList, withKey } from "@/lib/domain/record-id-keys";

const ofGeneration = (file: CurrentGeneration) =>
  and(eq(usageRecordIdKeys.usageFileId, file.id), eq(usageRecordIdKeys.generation, file.generation));

/** Keys travel a piece at a time (1 MiB): a 5M-record file's 40 MB of keys are never one buffer. */
const keysPerPiece = 131_072;

/**
 * Stores a new generation's keys (sorted and unique, in pieces in order), streamed by COPY in its
 * binary format (the bytes as they are, no hex text) on a connection of its own, as its records
 * are: they are committed before the transaction that makes the generation visible, and a run that
 * stops before it leaves them to be discarded with the rest of that generation.
 */
export async function copyRecordIdKeys(
  handle: DatabaseHandle,
  file: CurrentGeneration,
  sortedKeys: Iterable<Float64Array>,
): Promise<void> {
  // Every piece before the row starts, which gives the field's length; the list they come from is spent meanwhile.
  const pieces = [...sortedKeys];
  const byteLength = pieces.reduce((bytes, keys) => bytes + keys.length * 8, 0);
  const writer = await handle.copyInto("usage_record_id_keys", ["usage_file_id", "generation", "keys"], "binary");
  try {
    await writer.write(binaryCopyRowOpening([Buffer.from(file.id), binaryInt4(file.generation)], byteLength));
    for (const keys of pieces) {
      for (let at = 0; at < keys.length; at += keysPerPiece) {
        await writer.write(keysToBytes(keys.subarray(at, at + keysPerPiece)));
      }
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export async function storeRecordIdKeys(tx: Database, file: CurrentGeneration, keys: Float64Array): Promise<void> {
  const bytes = keysToBytes(keys);
  await tx
    .insert(usageRecordIdKeys)
    .values({ usageFileId: file.id, generation: file.generation, keys: bytes })
    .onConflictDoUpdate({
      target: [usageRecordIdKeys.usageFileId, usageRecordIdKeys.generation],
      set: { keys: sql`excluded.keys` }, // the row offered, rather than its bytes sent a second time
    });
}

/**
 * The keys of a generation's record ids, sorted, a piece (1 MiB) at a time: as stored by
 * processing, or read off its records and stored, for a file processed before keys were kept (or
 * written by SQL, as the demo data is).
 */
export async function* recordIdKeysOf(tx: Database, file: CurrentGeneration): AsyncGenerator<Float64Array> {
  const [stored] = await tx
    .select({ bytes: sql<number>`octet_length(${usageRecordIdKeys.keys})` })
    .from(usageRecordIdKeys)
    .where(ofGeneration(file));
  if (stored) {
    yield* storedKeys(tx, file, stored.bytes);
    return;
  }
  const keys = await keysOfRecords(tx, file);
  await storeRecordIdKeys(tx, file, keys);
  yield keys;
}

async function* storedKeys(tx: Database, file: CurrentGeneration, byteLength: number): AsyncGenerator<Float64Array> {
  const pieceBytes = keysPerPiece * 8;
  for (let from = 0; from < byteLength; from += pieceBytes) {
    const [piece] = await tx
      .select({ bytes: sql<Uint8Array>`substring(${usageRecordIdKeys.keys} from ${from + 1} for ${pieceBytes})` })
      .from(usageRecordIdKeys)
      .where(ofGeneration(file));
    yield keysFromBytes(piece!.bytes);
  }
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
