import { describe, expect, it } from "vitest";
import {
  anomalyCountsOf,
  classifyUsage,
  defaultAnomalyThresholds as defaults,
  historyMonths,
  median,
  medianAbsoluteDeviation,
} from "./usage-anomalies";

const noisy = [100, 92, 108, 97, 115, 85];

describe("robust statistics", () => {
  it("takes the median of odd and even counts, and the median absolute deviation", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });
});

describe("classifyUsage", () => {
  const classify = (quantity: number, history: number[], itemTypical: number | null = null) =>
    classifyUsage({ quantity, history, itemTypical }, defaults);

  it("flags a tenfold spike and leaves ±20 % noise alone", () => {
    expect(classify(1000, noisy)).toMatchObject({ kind: "spike", baseline: 98.5 });
    for (const quantity of [80, 90, 110, 120]) expect(classify(quantity, noisy)).toBeNull();
  });

  it("flags a spike over a perfectly flat history, where the spread is zero", () => {
    expect(classify(1000, [100, 100, 100])).toMatchObject({ kind: "spike", baseline: 100, deviation: 90 });
    expect(classify(115, [100, 100, 100])).toBeNull();
  });

  it("flags a drop to a tenth, but not a dip inside the usual swing", () => {
    expect(classify(10, noisy)).toMatchObject({ kind: "drop" });
    expect(classify(70, [100, 20, 180, 60, 140, 100])).toBeNull();
  });

  it("flags a pair with history and none now as vanished, with its baseline", () => {
    expect(classify(0, noisy)).toMatchObject({ kind: "vanished", baseline: 98.5 });
  });

  it("does not call a sporadic pair vanished, and measures its spikes against its busiest month", () => {
    expect(classify(0, [0, 0, 0, 0, 50, 0])).toBeNull();
    expect(classify(60, [0, 0, 0, 0, 50, 0])).toBeNull();
    expect(classify(500, [0, 0, 0, 0, 50, 0])).toMatchObject({ kind: "spike", baseline: 0 });
  });

  it("flags a pair without history as new only when it uses far more than its item typically does", () => {
    expect(classify(500, [0, 0, 0], 100)).toMatchObject({ kind: "new", baseline: 0 });
    expect(classify(150, [0, 0, 0], 100)).toBeNull();
    expect(classify(500, [0, 0, 0], null)).toBeNull();
  });

  it("flags nothing when the contract has no billable history at all", () => {
    expect(classify(1_000_000, [], 1)).toBeNull();
  });

  it("follows a product's own thresholds", () => {
    const strict = { ...defaults, spikeFactor: 1.1, minDeviation: 1 };
    expect(classifyUsage({ quantity: 130, history: noisy, itemTypical: null }, strict)).toMatchObject({
      kind: "spike",
    });
  });
});

describe("anomaly bookkeeping", () => {
  it("counts anomalies by kind", () => {
    expect(anomalyCountsOf(["spike", "spike", "vanished"])).toEqual({ spike: 2, drop: 0, new: 0, vanished: 1 });
  });

  it("takes the six calendar months before the one a period starts in", () => {
    const months = historyMonths(new Date("2026-10-15T00:00:00Z"));
    expect(months.from.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(months.to.toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });
});
