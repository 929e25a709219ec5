import { describe, expect, it } from "vitest";
import { parseDecimal } from "./decimal";
import { biggest, withCorrectedRecord, withRecordsMadeInvalid, type UsageFileStats } from "./usage-stats";

describe("biggest", () => {
  const entries = [
    { id: "a", records: 5 },
    { id: "b", records: 1 },
    { id: "c", records: 9 },
    { id: "d", records: 3 },
  ];

  it("keeps every entry under the cap", () => {
    expect(biggest(entries, 4)).toEqual({ kept: entries, omitted: 0 });
  });

  it("keeps the entries with most records, in their order, and counts the rest", () => {
    expect(biggest(entries, 2)).toEqual({ kept: [entries[0], entries[2]], omitted: 2 });
  });
});

describe("withCorrectedRecord", () => {
  const stats: UsageFileStats = {
    records: 3,
    valid: 1,
    invalid: 2,
    byItem: [{ itemId: "I-2", records: 1, quantity: "1.5", amount: null }],
    bySubscription: [{ subscriptionId: "AS-2", itemId: "I-2", records: 1, quantity: "1.5", amount: null }],
    byDay: [{ day: "2026-10-02", itemId: "I-2", records: 1, quantity: "1.5", amount: null }],
  };
  const corrected = (itemId: string, quantity: string) => ({
    itemId,
    subscriptionId: "AS-2",
    startTime: Date.parse("2026-10-02T05:00:00Z"),
    quantity: parseDecimal(quantity)!,
    amount: null,
  });

  it("counts the record as valid and adds it exactly to its item, subscription and day", () => {
    const next = withCorrectedRecord(stats, corrected("I-2", "0.25"));
    expect(next).toMatchObject({ records: 3, valid: 2, invalid: 1 });
    expect(next.byItem).toEqual([{ itemId: "I-2", records: 2, quantity: "1.75", amount: null }]);
    expect(next.bySubscription).toEqual([
      { subscriptionId: "AS-2", itemId: "I-2", records: 2, quantity: "1.75", amount: null },
    ]);
    expect(next.byDay).toEqual([{ day: "2026-10-02", itemId: "I-2", records: 2, quantity: "1.75", amount: null }]);
  });

  it("adds a row for an item not seen yet, in the list's order", () => {
    const next = withCorrectedRecord(stats, corrected("I-1", "3"));
    expect(next.byItem.map((row) => [row.itemId, row.quantity])).toEqual([
      ["I-1", "3"],
      ["I-2", "1.5"],
    ]);
    expect(next.bySubscription?.map((row) => row.itemId)).toEqual(["I-1", "I-2"]);
  });
});

describe("withRecordsMadeInvalid", () => {
  const stats: UsageFileStats = {
    records: 4,
    valid: 4,
    invalid: 0,
    byItem: [
      { itemId: "I-1", records: 3, quantity: "4.5", amount: "9" },
      { itemId: "I-2", records: 1, quantity: "1", amount: null },
    ],
    bySubscription: [
      { subscriptionId: "AS-1", itemId: "I-1", records: 2, quantity: "3", amount: "6" },
      { subscriptionId: "AS-2", itemId: "I-1", records: 1, quantity: "1.5", amount: "3" },
      { subscriptionId: "AS-2", itemId: "I-2", records: 1, quantity: "1", amount: null },
    ],
    byDay: [{ day: "2026-10-02", itemId: "I-1", records: 3, quantity: "4.5", amount: "9" }],
  };

  it("counts them invalid and takes them out of their item, subscription and day exactly", () => {
    const next = withRecordsMadeInvalid(stats, [
      {
        itemId: "I-1",
        subscriptionId: "AS-2",
        day: "2026-10-02",
        records: 1,
        quantity: parseDecimal("1.5")!,
        amount: parseDecimal("3")!,
      },
    ]);
    expect(next).toMatchObject({ records: 4, valid: 3, invalid: 1 });
    expect(next.byItem[0]).toEqual({ itemId: "I-1", records: 2, quantity: "3", amount: "6" });
    expect(next.bySubscription!.map((row) => `${row.subscriptionId}/${row.itemId}`)).toEqual(["AS-1/I-1", "AS-2/I-2"]);
    expect(next.byDay).toEqual([{ day: "2026-10-02", itemId: "I-1", records: 2, quantity: "3", amount: "6" }]);
  });
});
