import { describe, expect, it } from "vitest";
import { biggest } from "./usage-stats";

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
