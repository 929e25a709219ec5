import { describe, expect, it } from "vitest";
import { usageAggregatesQuery } from "./usage-aggregates";

describe("usageAggregatesQuery", () => {
  it("takes groupings and statuses comma-separated, each once, in a fixed order", () => {
    expect(usageAggregatesQuery.parse({ period: "2026-10", groupBy: "item, vendor,item", status: "closed" })).toEqual({
      period: "2026-10",
      groupBy: ["vendor", "item"],
      status: ["closed"],
    });
  });

  it("sums every summed status, grouped by nothing but currency, by default", () => {
    expect(usageAggregatesQuery.parse({ period: "2026-10" })).toEqual({
      period: "2026-10",
      groupBy: [],
      status: ["pending", "accepted", "closed"],
    });
  });

  it.each([
    { period: "2026-10", groupBy: "file" },
    { period: "2026-10", status: "rejected" },
    { period: "10-2026" },
    {},
  ])("refuses %j", (query) => {
    expect(usageAggregatesQuery.safeParse(query).success).toBe(false);
  });
});
