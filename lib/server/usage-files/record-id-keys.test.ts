import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { RecordIdKeyList } from "@/lib/domain/record-id-keys";
import { withTestDatabase } from "@/test/db";
import { acmeDraftFileId } from "@/test/usage-workbooks";
import { copyRecordIdKeys, recordIdKeysOf } from "./record-id-keys";

const database = withTestDatabase();

describe("a generation's stored record id keys", () => {
  it("read back exactly as processing stored them, across the pieces both ways are cut in", async () => {
    await seedDemoData(database.handle.db);
    const list = new RecordIdKeyList();
    // Two whole pieces of 131,072 keys and part of a third.
    for (let n = 0; n < 300_000; n++) list.add(`R-${n}`);
    const keys = list.sorted();
    const file = { id: acmeDraftFileId, generation: 7 };

    await copyRecordIdKeys(database.handle, file, keys);

    const stored = await recordIdKeysOf(database.handle.db, file);
    expect(stored.length).toBe(300_000);
    expect(Buffer.from(stored.buffer).equals(Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength))).toBe(true);
  });
});
