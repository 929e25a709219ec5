import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("keeps each group in the values' order and the groups in order of first appearance", () => {
    const grouped = groupBy(["UR-3", "UR-10", "UR-4", "UR-12"], (id) => id.length);
    expect([...grouped]).toEqual([
      [4, ["UR-3", "UR-4"]],
      [5, ["UR-10", "UR-12"]],
    ]);
  });
});
