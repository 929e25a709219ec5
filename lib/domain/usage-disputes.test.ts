import { describe, expect, it } from "vitest";
import { rejectUsageFileInput } from "./usage-file-review";
import {
  cellsOfValidRecord,
  disputedRecordsOfForm,
  fieldChanges,
  maxDisputedRecords,
  type ComparedValues,
} from "./usage-disputes";

describe("disputed records of a rejection", () => {
  it("takes records by UR id, each with a reason, and refuses empty reasons, other ids, repeats and too many", () => {
    const note = { rejectionNote: "See the records." };
    expect(rejectUsageFileInput.parse({ ...note, disputedRecords: [{ id: " UR-12 ", reason: " Doubled " }] })).toEqual({
      ...note,
      disputedRecords: [{ id: "UR-12", reason: "Doubled" }],
    });
    expect(rejectUsageFileInput.parse(note)).toEqual(note);
    const refused = (disputedRecords: unknown) =>
      rejectUsageFileInput.safeParse({ ...note, disputedRecords }).error?.issues.map((issue) => issue.message);
    expect(refused([{ id: "UR-1", reason: "  " }])).toEqual(["Give a reason for each disputed record."]);
    expect(refused([{ id: "R-1", reason: "x" }])).toEqual(["A disputed record is named by its id, UR-…"]);
    expect(
      refused([
        { id: "UR-1", reason: "a" },
        { id: "UR-1", reason: "b" },
      ]),
    ).toEqual(["UR-1 is disputed twice."]);
    const many = Array.from({ length: maxDisputedRecords + 1 }, (_, i) => ({ id: `UR-${i + 1}`, reason: "x" }));
    expect(refused(many)).toEqual(["Dispute at most 1,000 records at once."]);
  });

  it("gives each ticked record its own reason from the dialog, or else the reason for all", () => {
    expect(
      disputedRecordsOfForm({ disputed: ["UR-1", "UR-2"], reasonForAll: "Wrong", reasons: { "UR-2": " Doubled " } }),
    ).toEqual([
      { id: "UR-1", reason: "Wrong" },
      { id: "UR-2", reason: "Doubled" },
    ]);
  });
});

describe("what changed in a record", () => {
  const values: ComparedValues = {
    note: null,
    item_id: "ITM-1",
    subscription_id: "AS-1",
    quantity: "2",
    start_time_utc: "2026-11-01 00:00:00",
    end_time_utc: "2026-11-02 00:00:00",
    amount: null,
    tier: null,
    category_id: null,
    params: null,
  };

  it("lists the fields whose value differs, old and new", () => {
    expect(fieldChanges(values, { ...values, quantity: "1", note: "fixed" })).toEqual([
      { field: "note", old: null, new: "fixed" },
      { field: "quantity", old: "2", new: "1" },
    ]);
    expect(fieldChanges(values, { ...values })).toEqual([]);
  });

  it("rebuilds a valid record's cells as the template names them", () => {
    expect(
      cellsOfValidRecord({
        recordId: "R-1",
        note: null,
        itemMpn: "ACME-VCPU-HR",
        subscriptionId: "AS-1",
        quantity: "2.5",
        startTime: new Date(Date.UTC(2026, 10, 1)),
        endTime: new Date(Date.UTC(2026, 10, 2)),
        amount: null,
        tier: 1,
        categoryId: null,
        params: { "v.region": "eu" },
      }),
    ).toEqual({
      record_id: "R-1",
      record_note: "",
      item_search_criteria: "item.mpn",
      item_search_value: "ACME-VCPU-HR",
      quantity: "2.5",
      start_time_utc: "2026-11-01 00:00:00",
      end_time_utc: "2026-11-02 00:00:00",
      asset_search_criteria: "asset.id",
      asset_search_value: "AS-1",
      category_id: "",
      amount: "",
      tier: "1",
      "v.region": "eu",
    });
  });
});
