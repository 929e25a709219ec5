import { describe, expect, it } from "vitest";
import { describeClosingReport, withoutDuplicates } from "./record-closing";

const closing = (recordId: string, externalBillingId = "INV-1") => ({
  recordId,
  externalBillingId,
  externalBillingNote: "",
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
