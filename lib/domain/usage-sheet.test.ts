import { describe, expect, it } from "vitest";
import { findSheet, recordSheetNames } from "./usage-sheet";

describe("finding a sheet by name", () => {
  it("ignores case and surrounding spaces, and takes the first in the workbook's order", () => {
    expect(findSheet(["Summary", " Records ", "usage_records"], recordSheetNames)).toBe(" Records ");
    expect(findSheet(["USAGE_RECORDS"], recordSheetNames)).toBe("USAGE_RECORDS");
    expect(findSheet(["Summary"], recordSheetNames)).toBeUndefined();
  });
});
