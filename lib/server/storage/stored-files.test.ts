import { existsSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { acmeDraftFileId } from "@/test/usage-workbooks";
import { readStoredFile, storeFile, sweepSpool } from "./stored-files";

const database = withTestDatabase();
const spoolDir = path.join(tmpdir(), "usage-portal-spool");

async function* bytes(text: string) {
  yield Buffer.from(text);
}

/** Every byte value, over and over: `size` bytes handed over in pieces of an odd size. */
function everyByte(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, at) => at % 256));
}

async function* inPieces(content: Buffer, pieceBytes = 65_537) {
  for (let at = 0; at < content.length; at += pieceBytes) yield content.subarray(at, at + pieceBytes);
}

const upload = (content: Buffer, maxBytes: number) => ({
  usageFileId: acmeDraftFileId,
  purpose: "uploaded" as const,
  fileName: "usage.xlsx",
  contentType: "application/octet-stream",
  content: inPieces(content),
  maxBytes,
});

async function storedChunkCount(): Promise<number> {
  const [row] = await database.handle.rows<{ chunks: string }>(
    "SELECT count(*) AS chunks FROM stored_file_chunks JOIN stored_files f ON f.id = stored_file_id WHERE f.usage_file_id = $1",
    [acmeDraftFileId],
  );
  return Number(row?.chunks);
}

describe("storing a file", () => {
  it("keeps every byte of a file of several chunks and gives them back in order", async () => {
    await seedDemoData(database.handle.db);
    const content = everyByte(2.5 * 1024 * 1024);

    const stored = await storeFile(database.handle, upload(content, 3 * 1024 * 1024));

    if (!stored.ok) throw new Error("the file was not stored");
    expect(stored.byteSize).toBe(content.length);
    expect(await storedChunkCount()).toBe(3);
    const readBack: Uint8Array[] = [];
    for await (const chunk of readStoredFile(database.handle.db, stored.id)) readBack.push(chunk);
    expect(Buffer.concat(readBack).equals(content)).toBe(true);
  });

  it("refuses a file past the limit after some of it was written, leaving nothing of it stored", async () => {
    await seedDemoData(database.handle.db);

    const refused = await storeFile(database.handle, upload(everyByte(2.5 * 1024 * 1024), 1.5 * 1024 * 1024));

    expect(refused).toEqual({ ok: false, reason: "too_large" });
    expect(await storedChunkCount()).toBe(0);
    const files = await database.handle.rows("SELECT id FROM stored_files WHERE usage_file_id = $1", [acmeDraftFileId]);
    expect(files).toEqual([]);
  });
});

describe("the spool sweep at start", () => {
  it("removes what a crash left (an hour-old partial upload, a copy of a file no longer stored) and keeps the rest", async () => {
    await seedDemoData(database.handle.db);
    const stored = await storeFile(database.handle, {
      usageFileId: acmeDraftFileId,
      purpose: "uploaded",
      fileName: "kept.csv",
      contentType: "text/csv",
      content: bytes("record_id\n"),
      maxBytes: 1024,
    });
    if (!stored.ok) throw new Error("the file was not stored");
    const name = (label: string) => path.join(spoolDir, `sweep-test-${label}-${process.pid}-${Date.now()}`);
    const abandoned = `${name("abandoned")}.part`;
    const inProgress = `${name("in-progress")}.part`;
    const orphan = name("orphan");
    for (const file of [abandoned, inProgress, orphan]) writeFileSync(file, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    await sweepSpool(database.handle.db);

    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(inProgress)).toBe(true);
    rmSync(inProgress);
    expect(existsSync(path.join(spoolDir, stored.id))).toBe(true);
  });
});
