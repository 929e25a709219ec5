import { describe, expect, it } from "vitest";
import { canonicalRecordId, describeClosingReport, editBilling, withoutDuplicates } from "./record-closing";
import { recordBillingEditInput } from "./usage-file-review";

const closing = (recordId: string, externalBillingId = "INV-1") => ({
  recordId,
  externalBillingId,
  externalBillingNote: "",
});

describe("canonicalRecordId", () => {
  it("names one record one way, and keeps text that names none as it was", () => {
    expect(canonicalRecordId("UR-007")).toBe("UR-7");
    expect(canonicalRecordId(" UR-7 ")).toBe("UR-7");
    expect(canonicalRecordId(" ur-7")).toBe(" ur-7");
    expect(canonicalRecordId("")).toBe("");
  });
});

describe("withoutDuplicates", () => {
  it("keeps records listed once, in order", () => {
    expect(withoutDuplicates([closing("UR-2"), closing("UR-1")])).toEqual({
      unique: [closing("UR-2"), closing("UR-1")],
      duplicates: [],
    });
  });

  it("drops every row of a record listed more than once and names it once", () => {
    const result = withoutDuplicates([
      closing("UR-1", "A"),
      closing("UR-2"),
      closing("UR-1", "B"),
      closing("UR-1", "C"),
    ]);
    expect(result).toEqual({ unique: [closing("UR-2")], duplicates: ["UR-1"] });
  });
});

describe("describeClosingReport", () => {
  it("says how many closed and names the refused records", () => {
    expect(describeClosingReport({ closed: ["UR-1"], refused: [] })).toBe("Closed 1 record.");
    expect(
      describeClosingReport(
        {
          closed: [],
          refused: [
            { recordId: "UR-2", reason: "already_closed" },
            { recordId: "UR-9", reason: "not_found" },
            { recordId: "UR-3", reason: "duplicate" },
          ],
        },
        2,
      ),
    ).toBe("Closed 0 records. Not closed: UR-2 (already closed), UR-9 (not found) and 1 more.");
  });
});

describe("editBilling", () => {
  const before = { externalBillingId: "INV-1", externalBillingNote: "March run" };

  it("changes the fields given, keeps the others, and lists each change with its old and new value", () => {
    expect(editBilling(before, { externalBillingId: "INV-2" })).toEqual({
      after: { externalBillingId: "INV-2", externalBillingNote: "March run" },
      changes: { externalBillingId: { from: "INV-1", to: "INV-2" } },
    });
    expect(editBilling(before, { externalBillingId: "INV-2", externalBillingNote: "" }).changes).toEqual({
      externalBillingId: { from: "INV-1", to: "INV-2" },
      externalBillingNote: { from: "March run", to: null },
    });
  });

  it("finds no change in an edit that says what is already there", () => {
    expect(editBilling(before, { externalBillingId: "INV-1", externalBillingNote: "March run" }).changes).toEqual({});
    expect(
      editBilling({ externalBillingId: "INV-1", externalBillingNote: null }, { externalBillingNote: "" }).changes,
    ).toEqual({});
  });
});

describe("recordBillingEditInput", () => {
  it("takes a billing id, a note or both, trimmed, and refuses neither or an empty id", () => {
    expect(recordBillingEditInput.parse({ externalBillingId: " INV-2 " })).toEqual({ externalBillingId: "INV-2" });
    expect(recordBillingEditInput.parse({ externalBillingNote: "" })).toEqual({ externalBillingNote: "" });
    expect(recordBillingEditInput.safeParse({}).success).toBe(false);
    expect(recordBillingEditInput.safeParse({ externalBillingId: " " }).success).toBe(false);
  });
});
