import { z } from "zod";

/**
 * Anomalies (issue 19): a subscription × item whose total in a file is far from its own history of
 * billable usage. The baseline is robust (median, and the median absolute deviation for the spread)
 * so that one odd month in the history does not hide the next one.
 */
export const anomalyKinds = ["spike", "drop", "new", "vanished"] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

export const anomalyKindLabels: Record<AnomalyKind, string> = {
  spike: "Spike",
  drop: "Drop",
  new: "New, large",
  vanished: "Vanished",
};

/** How many calendar months before a file's own are its history. */
export const anomalyHistoryMonths = 6;

/**
 * A product's thresholds. A spike is at least `spikeFactor` times the baseline, a drop at most
 * `dropFactor` times it, and either must also lie `minDeviation` robust deviations away (so that a
 * subscription whose usage always swings is not flagged for swinging). A subscription × item with no
 * history is `new` when it uses `newFactor` times what a subscription of that item typically does.
 */
export const anomalyThresholdsSchema = z.object({
  spikeFactor: z.number().gt(1),
  dropFactor: z.number().gt(0).lt(1),
  minDeviation: z.number().positive(),
  newFactor: z.number().positive(),
});
export type AnomalyThresholds = z.infer<typeof anomalyThresholdsSchema>;

export const defaultAnomalyThresholds: AnomalyThresholds = {
  spikeFactor: 2,
  dropFactor: 0.5,
  minDeviation: 3.5,
  newFactor: 2,
};

/** A pair's usage in the file and in each month of its history the contract has billable files for. */
export interface UsageHistory {
  quantity: number;
  /** One total per month of history, 0 where the pair had no usage in a month others did. */
  history: readonly number[];
  /** What a subscription of this item typically uses (the median of their baselines); null if unknown. */
  itemTypical: number | null;
}

export interface Anomaly {
  kind: AnomalyKind;
  /** The median of the history (0 for a `new` pair). */
  baseline: number;
  /** How many robust deviations the quantity lies from the baseline (negative below it). */
  deviation: number;
}

/** The usual consistency constant: 1.4826 × MAD estimates a normal distribution's standard deviation. */
const madToDeviation = 1.4826;
/** The spread is never taken below this share of the baseline: a flat history would make any change infinite. */
const minSpreadShare = 0.1;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

/** The pair's baseline: the median of its history. */
export function baselineOf(history: readonly number[]): number {
  return median(history);
}

function spreadOf(history: readonly number[], reference: number): number {
  return Math.max(madToDeviation * medianAbsoluteDeviation(history), minSpreadShare * reference, Number.EPSILON);
}

/** Whether, and how, a pair's usage is anomalous; null when it looks like its history. */
export function classifyUsage(usage: UsageHistory, thresholds: AnomalyThresholds): Anomaly | null {
  const { quantity, history, itemTypical } = usage;
  if (history.length === 0) return null;
  if (history.every((value) => value === 0)) return classifyNew(quantity, itemTypical, thresholds);
  const baseline = baselineOf(history);
  // A pair used in fewer than half of the months has a baseline of 0: its busiest month is the yardstick.
  const reference = baseline > 0 ? baseline : Math.max(...history);
  const deviation = (quantity - baseline) / spreadOf(history, reference);
  if (baseline > 0 && quantity === 0) return { kind: "vanished", baseline, deviation };
  if (Math.abs(deviation) < thresholds.minDeviation) return null;
  if (quantity >= thresholds.spikeFactor * reference) return { kind: "spike", baseline, deviation };
  if (quantity > 0 && quantity <= thresholds.dropFactor * baseline) return { kind: "drop", baseline, deviation };
  return null;
}

function classifyNew(quantity: number, itemTypical: number | null, thresholds: AnomalyThresholds): Anomaly | null {
  if (itemTypical === null || itemTypical <= 0 || quantity < thresholds.newFactor * itemTypical) return null;
  return { kind: "new", baseline: 0, deviation: quantity / spreadOf([], itemTypical) };
}

export const anomalyCountsSchema = z.object({
  spike: z.number().int(),
  drop: z.number().int(),
  new: z.number().int(),
  vanished: z.number().int(),
});
export type AnomalyCounts = z.infer<typeof anomalyCountsSchema>;

export function anomalyCountsOf(kinds: readonly AnomalyKind[]): AnomalyCounts {
  const counts: AnomalyCounts = { spike: 0, drop: 0, new: 0, vanished: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}

/** `YYYY-MM` of the first month of history and the month a file's period starts in. */
export function historyMonths(periodFrom: Date): { from: Date; to: Date } {
  const to = new Date(Date.UTC(periodFrom.getUTCFullYear(), periodFrom.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - anomalyHistoryMonths, 1));
  return { from, to };
}
