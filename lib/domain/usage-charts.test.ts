import { describe, expect, it } from "vitest";
import { dailyUsageCharts } from "./usage-charts";
import type { UsageFileStats } from "./usage-stats";

const period = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-04T00:00:00Z") };
const items = [
  { id: "I-TB", name: "Backup storage", unit: "TB-month" },
  { id: "I-RESTORE", name: "Restores", unit: "restore" },
];

function statsOf(byDay: UsageFileStats["byDay"]): UsageFileStats {
  return {
    records: 4,
    valid: 4,
    invalid: 0,
    byItem: [
      { itemId: "I-RESTORE", records: 1, quantity: "3", amount: "1000" },
      { itemId: "I-TB", records: 3, quantity: "1500.75", amount: "30.5" },
    ],
    byDay,
  };
}

describe("the review page's daily charts", () => {
  it("gives each item its quantity per day of the period in its unit, days without records at zero", () => {
    const charts = dailyUsageCharts(
      statsOf([
        { day: "2026-03-01", itemId: "I-TB", records: 2, quantity: "1500.5", amount: "20" },
        { day: "2026-03-03", itemId: "I-RESTORE", records: 1, quantity: "3", amount: "1000" },
        { day: "2026-03-03", itemId: "I-TB", records: 1, quantity: "0.25", amount: "10.5" },
      ]),
      { period, currency: "EUR" },
      items,
    );
    expect(charts?.quantities.map(({ itemId, title, unit, total }) => [itemId, title, unit, total])).toEqual([
      ["I-RESTORE", "Restores", "restore", "3 restore"],
      ["I-TB", "Backup storage", "TB-month", "1,500.75 TB-month"],
    ]);
    expect(charts?.quantities[1]!.bars).toEqual([
      { day: "2026-03-01", value: "1500.5", label: "1,500.5 TB-month" },
      { day: "2026-03-02", value: "0", label: "0 TB-month" },
      { day: "2026-03-03", value: "0.25", label: "0.25 TB-month" },
    ]);
  });

  it("adds every item's amount of a day, in the file's currency, exactly", () => {
    const charts = dailyUsageCharts(
      statsOf([
        { day: "2026-03-01", itemId: "I-TB", records: 2, quantity: "1500.5", amount: "20.1" },
        { day: "2026-03-03", itemId: "I-RESTORE", records: 1, quantity: "3", amount: "1000.2" },
        { day: "2026-03-03", itemId: "I-TB", records: 1, quantity: "0.25", amount: "0.1" },
      ]),
      { period, currency: "EUR" },
      items,
    );
    expect(charts?.amounts).toEqual({
      title: "Amount",
      unit: "EUR",
      total: "1,020.4 EUR",
      bars: [
        { day: "2026-03-01", value: "20.1", label: "20.1 EUR" },
        { day: "2026-03-02", value: "0", label: "0 EUR" },
        { day: "2026-03-03", value: "1000.3", label: "1,000.3 EUR" },
      ],
    });
  });

  it("has no amount chart for records without amounts, and none at all for a file without daily totals", () => {
    const quantityOnly = statsOf([{ day: "2026-03-02", itemId: "I-TB", records: 1, quantity: "2", amount: null }]);
    expect(dailyUsageCharts(quantityOnly, { period, currency: "EUR" }, items)?.amounts).toBeNull();
    expect(dailyUsageCharts(statsOf(undefined), { period, currency: "EUR" }, items)).toBeNull();
  });
});
