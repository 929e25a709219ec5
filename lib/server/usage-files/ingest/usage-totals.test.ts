import { describe, expect, it } from "vitest";
import { parseDecimal } from "@/lib/domain/decimal";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import { statsListCaps } from "@/lib/domain/usage-stats";
import { UsageTotals } from "./usage-totals";

const start = Date.UTC(2026, 9, 1);

function record(subscriptionId: string, quantity: string): ValidatedRecord {
  return {
    rowNumber: 2,
    recordId: `R-${subscriptionId}-${quantity}`,
    note: null,
    itemId: "ACME-VCPU-HR",
    subscriptionId,
    quantity: parseDecimal(quantity)!,
    startTime: start,
    endTime: start + 3_600_000,
    amount: null,
    tier: null,
    categoryId: null,
    params: null,
    errors: null,
  };
}

describe("a file's stats, gathered while reading", () => {
  it("lists the subscriptions with the most records when there are more than the list holds, ties going to the first in order", () => {
    const totals = new UsageTotals();
    const subscriptionIds = Array.from(
      { length: statsListCaps.bySubscription + 1 },
      (_, n) => `AS-${String(n).padStart(4, "0")}`,
    );
    // Added in reverse, so that the order of the list is the stats' own, not the reading's.
    for (const subscriptionId of [...subscriptionIds].reverse()) totals.add(record(subscriptionId, "1"));
    const busiest = subscriptionIds[500]!;
    totals.add(record(busiest, "2.25"));
    totals.add(record(busiest, "3.5"));

    const { bySubscription, bySubscriptionOmitted } = totals.stats();

    // One of the 1,001 single-record subscriptions is left out: the last in order.
    expect(bySubscriptionOmitted).toBe(1);
    expect(bySubscription?.map((entry) => entry.subscriptionId)).toEqual(subscriptionIds.slice(0, -1));
    expect(bySubscription?.[500]).toEqual({
      subscriptionId: busiest,
      itemId: "ACME-VCPU-HR",
      records: 3,
      quantity: "6.75",
      amount: null,
    });
  });

  it("stores every subscription and item's sums, however many", () => {
    const totals = new UsageTotals();
    for (let n = 0; n < 1500; n++) totals.add(record(`AS-${n}`, "0.5"));
    totals.add(record("AS-7", "0.25"));

    const stored = [...totals.subscriptionItemTotals()];

    expect(stored).toHaveLength(1500);
    expect(stored.find((entry) => entry.subscriptionId === "AS-7")).toMatchObject({ records: 2, quantity: "0.75" });
  });
});
