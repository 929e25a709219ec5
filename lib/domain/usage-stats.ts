import { z } from "zod";

const totals = {
  records: z.number().int(),
  /** Exact decimal text: quantities never pass through a float. */
  quantity: z.string(),
  amount: z.string().nullable(),
};

/** Per-item totals of a file's records, computed once when the file is processed. */
export const itemTotalsSchema = z.object({ itemId: z.string(), ...totals });

/** Per subscription and item: quantities of different items (units) are never added together. */
export const subscriptionTotalsSchema = z.object({ subscriptionId: z.string(), itemId: z.string(), ...totals });

/** Per UTC day (of each record's start) and item, for the usage chart. */
export const dayTotalsSchema = z.object({ day: z.string(), itemId: z.string(), ...totals });

/** Past these, the lists keep their biggest entries (by records) and count the rest: stats stay small. */
export const statsListCaps = { bySubscription: 1000, byDay: 5000 } as const;

/**
 * A file's counts, stored on the file so pages never aggregate a million records on request.
 * Files processed before the per-subscription and per-day lists existed have none.
 */
export const usageFileStatsSchema = z.object({
  records: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  byItem: z.array(itemTotalsSchema),
  bySubscription: z.array(subscriptionTotalsSchema).optional(),
  /** Subscription and item pairs left out of `bySubscription` by its cap. */
  bySubscriptionOmitted: z.number().int().optional(),
  byDay: z.array(dayTotalsSchema).optional(),
  byDayOmitted: z.number().int().optional(),
});
export type UsageFileStats = z.infer<typeof usageFileStatsSchema>;
export type ItemTotalsRow = z.infer<typeof itemTotalsSchema>;
export type SubscriptionTotalsRow = z.infer<typeof subscriptionTotalsSchema>;
export type DayTotalsRow = z.infer<typeof dayTotalsSchema>;

/** The `limit` entries with the most records, in their original order, and how many were left out. */
export function biggest<T extends { records: number }>(entries: readonly T[], limit: number): { kept: T[]; omitted: number } {
  if (entries.length <= limit) return { kept: [...entries], omitted: 0 };
  const threshold = new Set([...entries].sort((a, b) => b.records - a.records).slice(0, limit));
  return { kept: entries.filter((entry) => threshold.has(entry)), omitted: entries.length - limit };
}
