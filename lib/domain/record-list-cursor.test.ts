import { describe, expect, it } from "vitest";
import { decodeRecordListCursor, encodeRecordListCursor, type RecordListPosition } from "./record-list-cursor";

const position: RecordListPosition = { usageFileId: "UF-2026-10-1001-0003", generation: 2, id: 4711, value: null };

describe("record list cursors", () => {
  it("give back the order and the position they were made of, whatever the value's characters", () => {
    for (const value of [null, 'Müller ~ 50%, "quoted" & 🚀', "", "12.5"]) {
      const cursor = encodeRecordListCursor({ column: "note", desc: true }, { ...position, value });
      expect(cursor).toMatch(/^[\w-]+$/);
      expect(decodeRecordListCursor(cursor)).toEqual({ orderBy: "-note", position: { ...position, value } });
    }
    const byStart = { ...position, value: "2026-10-01T00:00:00.000Z" };
    expect(decodeRecordListCursor(encodeRecordListCursor({ column: "start", desc: false }, byStart))).toEqual({
      orderBy: "start",
      position: byStart,
    });
  });

  it("refuse text they were not made from, and values the sorted column cannot hold", () => {
    const forged = (fields: unknown[]) => Buffer.from(JSON.stringify(fields)).toString("base64url");
    for (const text of [
      "",
      "5~12",
      "not base64!",
      forged(["-quantity", "UF-1", 1, 1]),
      forged(["-quantity", "UF-1", 1, 1, "12;"]),
      forged(["start", "UF-1", 1, 1, "2026-13-45T00:00:00.000Z"]),
      forged(["tier", "UF-1", 1, 1, "99999999"]),
      forged(["row", "UF-1", 1, 1.5, "1"]),
      forged(["name", "UF-1", 1, 1, null]),
      forged(["note", "UF-1", 1, 1, "a\u0000b"]),
      Buffer.from([0xff, 0xfe]).toString("base64url"),
    ]) {
      expect(decodeRecordListCursor(text), text).toBeNull();
    }
  });
});
