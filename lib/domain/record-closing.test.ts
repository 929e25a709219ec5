import { describe, expect, it } from "vitest";
import { withoutDuplicates } from "./record-closing";

const closing = (recordId: string, billingId = "INV-1") => ({ recordId, billingId, billingNote: "" });

describe("withoutDuplicates", () => {
  it("keeps records listed once, in order", () => {
    expect(withoutDuplicates([closing("UR-2"), closing("UR-1")])).toEqual({ unique: [closing("UR-2"), closing("UR-1")], duplicates: [] });
  });

  it("drops every row of a record listed more than once and names it once", () => {
    const result = withoutDuplicates([closing("UR-1", "A"), closing("UR-2"), closing("UR-1", "B"), closing("UR-1", "C")]);
    expect(result).toEqual({ unique: [closing("UR-2")], duplicates: ["UR-1"] });
  });
});
