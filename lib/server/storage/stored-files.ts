import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/db/client";
import { binaryCopyRow, binaryInt4 } from "@/db/copy";
import { storedFileChunks, storedFiles } from "@/db/schema";

/** Spreadsheets live in the database in 1 MiB chunks: one backup holds everything, on both engines. */
const chunkBytes = 1024 * 1024;

export interface FileToStore {
  usageFileId: string;
  purpose: "uploaded" | "processed";
  fileName: string;
  contentType: string;
  content: AsyncIterable<Uint8Array>;
  maxBytes: number;
}

/**
 * This machine's copy of each file stored from here: a processing job on the same machine takes it
 * instead of reading a 100 MB upload back out of the database. Jobs elsewhere read the database.
 */
const spoolDir = path.join(tmpdir(), "usage-portal-spool");
const spoolPathOf = (id: string) => path.join(spoolDir, id);

export type StoreOutcome = { ok: true; id: string; byteSize: number } | { ok: false; reason: "too_large" };

/**
 * Writes a file chunk by chunk, never holding it whole. Nothing refers to it until the caller
 * points a usage file at it, so a broken or refused upload is never visible; it is removed here.
 */
export async function storeFile(handle: DatabaseHandle, file: FileToStore): Promise<StoreOutcome> {
  const { db } = handle;
  const id = randomUUID();
  await db.insert(storedFiles).values({
    id,
    usageFileId: file.usageFileId,
    purpose: file.purpose,
    fileName: file.fileName,
    contentType: file.contentType,
    byteSize: 0,
  });
  try {
    const byteSize = await writeChunks(handle, id, file.content, file.maxBytes);
    if (byteSize === null) {
      await deleteStoredFile(db, id);
      return { ok: false, reason: "too_large" };
    }
    await db.update(storedFiles).set({ byteSize }).where(eq(storedFiles.id, id));
    return { ok: true, id, byteSize };
  } catch (error) {
    await deleteStoredFile(db, id);
    throw error;
  }
}

/**
 * Returns the size written, or null as soon as it passes `maxBytes`. The chunks go in one binary
 * COPY (bytes as they are, where an INSERT would send them as hex text), which a cut-off upload
 * aborts whole.
 */
async function writeChunks(handle: DatabaseHandle, id: string, content: AsyncIterable<Uint8Array>, maxBytes: number) {
  await mkdir(spoolDir, { recursive: true });
  const spool = createWriteStream(`${spoolPathOf(id)}.part`);
  const chunks = await handle.copyInto("stored_file_chunks", ["stored_file_id", "seq", "data"], "binary");
  const fileId = Buffer.from(id);
  let seq = 0;
  let total = 0;
  let buffered: Uint8Array[] = [];
  let bufferedBytes = 0;
  const flush = async () => {
    if (bufferedBytes === 0) return;
    await chunks.write(binaryCopyRow([fileId, binaryInt4(seq++), Buffer.concat(buffered)]));
    buffered = [];
    bufferedBytes = 0;
  };
  let stored = false;
  try {
    for await (const piece of content) {
      total += piece.byteLength;
      if (total > maxBytes) return null;
      buffered.push(piece);
      bufferedBytes += piece.byteLength;
      if (!spool.write(piece)) await once(spool, "drain");
      if (bufferedBytes >= chunkBytes) await flush();
    }
    await flush();
    await chunks.finish();
    stored = true;
    await new Promise<void>((resolve, reject) =>
      spool.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await rename(`${spoolPathOf(id)}.part`, spoolPathOf(id));
    return total;
  } finally {
    if (!stored) await chunks.abort();
    spool.destroy();
    await rm(`${spoolPathOf(id)}.part`, { force: true });
  }
}

/** An upload still being written after this long was cut off by a crash. */
const abandonedAfterMs = 60 * 60 * 1000;

/**
 * Removes what a crash leaves in this machine's spool: half-written uploads (`.part`, untouched for
 * an hour, so another process's upload in progress is left alone) and copies of files that are no
 * longer stored. Run at start.
 */
export async function sweepSpool(db: Database, now = Date.now()): Promise<void> {
  const names = await readdir(spoolDir).catch(() => []);
  const partial = names.filter((name) => name.endsWith(".part"));
  const complete = names.filter((name) => !name.endsWith(".part"));
  for (const name of partial) {
    const { mtimeMs } = await stat(path.join(spoolDir, name));
    if (now - mtimeMs > abandonedAfterMs) await rm(path.join(spoolDir, name), { force: true });
  }
  if (complete.length === 0) return;
  const kept = await db.select({ id: storedFiles.id }).from(storedFiles).where(inArray(storedFiles.id, complete));
  const keptIds = new Set(kept.map((file) => file.id));
  for (const name of complete) if (!keptIds.has(name)) await rm(spoolPathOf(name), { force: true });
}

export async function deleteStoredFile(db: Database, id: string): Promise<void> {
  await rm(spoolPathOf(id), { force: true });
  await db.delete(storedFileChunks).where(eq(storedFileChunks.storedFileId, id));
  await db.delete(storedFiles).where(eq(storedFiles.id, id));
}

/**
 * Once a new upload's records replace the old ones, earlier uploads of the file are removed. Only
 * earlier ones: the file is Ready by now, so the vendor may already be sending the next upload.
 */
export async function deleteSupersededUploads(db: Database, usageFileId: string, currentId: string): Promise<void> {
  const current = await getStoredFile(db, currentId);
  if (!current) return;
  const superseded = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.usageFileId, usageFileId),
        eq(storedFiles.purpose, "uploaded"),
        lt(storedFiles.createdAt, current.createdAt),
      ),
    );
  for (const { id } of superseded) await deleteStoredFile(db, id);
}

export async function getStoredFile(db: Database, id: string) {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return file ?? null;
}

/** The file's bytes, one chunk at a time. */
export async function* readStoredFile(db: Database, id: string): AsyncGenerator<Uint8Array> {
  let seq = -1;
  for (;;) {
    const [chunk] = await db
      .select({ seq: storedFileChunks.seq, data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.storedFileId, id), gt(storedFileChunks.seq, seq)))
      .orderBy(asc(storedFileChunks.seq))
      .limit(1);
    if (!chunk) return;
    seq = chunk.seq;
    yield chunk.data;
  }
}

/**
 * Puts a stored file in a private temporary file (readers need random access): the spooled copy if
 * this machine has it, else the bytes from the database. `remove` cleans up.
 */
export async function copyStoredFileToTemp(db: Database, id: string, fileName: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "usage-upload-"));
  const filePath = path.join(dir, path.basename(fileName) || "upload");
  const spooled = await rename(spoolPathOf(id), filePath).then(
    () => true,
    () => false,
  );
  if (!spooled) await pipeline(Readable.from(readStoredFile(db, id)), createWriteStream(filePath));
  return { path: filePath, remove: () => rm(dir, { recursive: true, force: true }) };
}
