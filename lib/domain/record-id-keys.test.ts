import { describe, expect, it } from "vitest";
import {
  keysFromBytes,
  keysToBytes,
  RecordIdKeyList,
  recordIdKey,
  SeenRecordIds,
  keysSharedWith,
  sortedUniqueKeys,
  withKey,
} from "./record-id-keys";

const keysOf = (...ids: string[]) => {
  const list = new RecordIdKeyList();
  for (const id of ids) list.add(id);
  return list.sorted();
};

describe("record id keys", () => {
  it("gives equal ids equal keys, and near ids different ones", () => {
    expect(recordIdKey("R-000123")).toBe(recordIdKey("R-000123"));
    const near = ["R-000123", "R-000124", "R-000132", "r-000123", "R-000123 ", "", "é", "e\u0301"];
    expect(new Set(near.map(recordIdKey)).size).toBe(near.length);
  });

  it("keeps every key a whole number a double holds exactly", () => {
    for (const id of ["a", "R-1", "a much longer record id with spaces and ünïcödé"]) {
      const key = recordIdKey(id);
      expect(Number.isSafeInteger(key)).toBe(true);
      expect(key).toBeGreaterThanOrEqual(0);
    }
  });

  it("has no repeated key among 200,000 sequential ids", () => {
    const keys = new Float64Array(200_000);
    for (let n = 0; n < keys.length; n++) keys[n] = recordIdKey(`INV-2026-${String(n).padStart(7, "0")}`);
    expect(sortedUniqueKeys(keys).length).toBe(keys.length);
  });

  it("lists a file's keys sorted, once each, however many ids it collects", () => {
    const ids = Array.from({ length: 3000 }, (_, n) => `id-${n % 2000}`);
    const keys = keysOf(...ids);
    expect(keys.length).toBe(2000);
    expect([...keys]).toEqual([...keys].sort((a, b) => a - b));
  });

  it("lists as many keys as a big file has exactly, in order across its pieces, each once", () => {
    // Enough for every bucket to fill its small blocks and several full ones.
    const ids = Array.from({ length: 1_200_000 }, (_, n) => `R-${n % 1_000_000}`);
    const list = new RecordIdKeyList();
    for (const id of ids) list.add(id);
    const pieces = [...list.sortedPieces()];

    const expected = sortedUniqueKeys(Float64Array.from(ids.slice(0, 1_000_000), recordIdKey));
    const listed = new Float64Array(expected.length);
    let at = 0;
    for (const piece of pieces) {
      listed.set(piece, at);
      at += piece.length;
    }
    expect(at).toBe(1_000_000);
    expect(listed).toEqual(expected);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it("tells whether two files share a key", async () => {
    const first = keysOf("A-1", "A-2", "B-7", "C-9");
    const others = [[keysOf("Z-1", "C-9", "Q-3")], [keysOf("X-1", "X-2")], [new Float64Array()], []];
    expect(await keysSharedWith([first], others)).toEqual([true, false, false, false]);
    expect(await keysSharedWith([], others)).toEqual([false, false, false, false]);
  });

  it("finds a shared key across the pieces the lists come in, for several files at once, and none where there is none", async () => {
    const all = keysOf(...Array.from({ length: 10_000 }, (_, n) => `R-${n}`));
    const evens = all.filter((_, at) => at % 2 === 0);
    const odds = all.filter((_, at) => at % 2 === 1);
    const inPieces = (keys: Float64Array, size: number) =>
      (async function* () {
        for (let at = 0; at < keys.length; at += size) yield keys.subarray(at, at + size);
      })();

    const lastOdd = odds.subarray(odds.length - 1);

    expect(
      await keysSharedWith(inPieces(evens, 97), [
        inPieces(odds, 1000),
        [lastOdd],
        [new Float64Array(), evens.subarray(9, 10)],
      ]),
    ).toEqual([false, false, true]);
    expect(
      await keysSharedWith(inPieces(all, 97), [
        inPieces(lastOdd, 1),
        inPieces(all.subarray(4000, 4002), 1),
        inPieces(odds, 333),
      ]),
    ).toEqual([true, true, true]);
  });

  it("adds a corrected id in order, once", () => {
    const keys = keysOf("A-1", "A-3");
    const added = withKey(keys, "A-2");
    expect([...added]).toEqual([...keysOf("A-1", "A-2", "A-3")]);
    expect(withKey(added, "A-2")).toBe(added);
  });

  it("stores keys as bytes and reads them back unchanged", () => {
    const keys = keysOf("A-1", "B-2", "C-3");
    const bytes = keysToBytes(keys);
    expect(bytes.length).toBe(24);
    const copy = new Uint8Array(bytes.length + 3).subarray(3);
    copy.set(bytes);
    expect([...keysFromBytes(copy)]).toEqual([...keys]);
  });

  it("tells an id seen before always, and one not seen rarely, in the same 16 MiB however many", () => {
    const seen = new SeenRecordIds();
    const ids = Array.from({ length: 300_000 }, (_, n) => `INV-2026-${String(n).padStart(7, "0")}`);
    const wronglySeen = ids.filter((id) => seen.addAndCheck(recordIdKey(id))).length;
    expect(ids.every((id) => seen.addAndCheck(recordIdKey(id)))).toBe(true);
    // Under 1e-9 per id at this fill.
    expect(wronglySeen).toBe(0);
  });
});
