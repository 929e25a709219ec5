import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { RecordIdKeyList } from "@/lib/domain/record-id-keys";
import { withTestDatabase } from "@/test/db";
import { acmeDraftFileId } from "@/test/usage-workbooks";
import { copyRecordIdKeys, recordIdKeysOf, storeRecordIdKeys } from "./record-id-keys";

const database = withTestDatabase();

/** Every piece of a generation's stored keys, joined. */
async function storedKeys(file: { id: string; generation: number }): Promise<Float64Array> {
  const pieces: Float64Array[] = [];
  for await (const piece of recordIdKeysOf(database.handle.db, file)) pieces.push(piece);
  const keys = new Float64Array(pieces.reduce((length, piece) => length + piece.length, 0));
  pieces.reduce((at, piece) => (keys.set(piece, at), at + piece.length), 0);
  return keys;
}

describe("a generation's stored record id keys", () => {
  it("read back exactly as processing stored them, across the pieces both ways are cut in", async () => {
    await seedDemoData(database.handle.db);
    const list = new RecordIdKeyList();
    // Two whole pieces of 131,072 keys and part of a third.
    for (let n = 0; n < 300_000; n++) list.add(`R-${n}`);
    const keys = list.sorted();
    const file = { id: acmeDraftFileId, generation: 7 };

    await copyRecordIdKeys(database.handle, file, [keys]);

    const stored = await storedKeys(file);
    expect(stored.length).toBe(300_000);
    expect(Buffer.from(stored.buffer).equals(Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength))).toBe(true);
  });

  it("are replaced whole when stored again for the same generation", async () => {
    await seedDemoData(database.handle.db);
    const file = { id: acmeDraftFileId, generation: 7 };
    const keysOf = (...ids: string[]) => {
      const list = new RecordIdKeyList();
      for (const id of ids) list.add(id);
      return list.sorted();
    };
    await storeRecordIdKeys(database.handle.db, file, keysOf("A-1", "A-2"));

    await storeRecordIdKeys(database.handle.db, file, keysOf("B-1"));

    expect([...(await storedKeys(file))]).toEqual([...keysOf("B-1")]);
  });
});
