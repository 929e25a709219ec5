import { describe, expect, it } from "vitest";
import { billingFigureLabelOf, dashboardPeriod, usageAggregatesQuery } from "./usage-aggregates";

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

describe("dashboardPeriod", () => {
  const now = new Date("2027-01-15T10:00:00Z");
  it("is the month asked for", () => expect(dashboardPeriod("2026-03", now)).toBe("2026-03"));
  it.each([undefined, "", "2026-13", ["2026-03"]])("is the last full month when asked for %j", (asked) => {
    expect(dashboardPeriod(asked, now)).toBe("2026-12");
  });
});

describe("billingFigureLabelOf", () => {
  it.each([
    ["accepted", "Billable (accepted and closed)"],
    ["closed", "Billable (accepted and closed)"],
    ["pending", "Awaiting review (pending)"],
    ["ready", "Not billable: Ready"],
    ["rejected", "Not billable: Rejected"],
  ] as const)("labels a %s file's totals %j", (status, label) => {
    expect(billingFigureLabelOf(status)).toBe(label);
  });
});
