import { z } from "zod";
import { addDecimals, parseDecimal, type DecimalText } from "./decimal";

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
export function biggest<T extends { records: number }>(
  entries: readonly T[],
  limit: number,
): { kept: T[]; omitted: number } {
  if (entries.length <= limit) return { kept: [...entries], omitted: 0 };
  const threshold = new Set([...entries].sort((a, b) => b.records - a.records).slice(0, limit));
  return { kept: entries.filter((entry) => threshold.has(entry)), omitted: entries.length - limit };
}

/** A record that became valid after processing, as the stats count it. */
export interface CountedRecord {
  itemId: string;
  subscriptionId: string;
  /** Epoch ms, UTC. */
  startTime: number;
  quantity: DecimalText;
  amount: DecimalText | null;
}

/**
 * The stats once an invalid record has been corrected into a valid one: counted as valid, added
 * to its item, subscription and day. A subscription or day missing from a list that is full (its
 * cap reached) stays out of it, as the ingest would have left it out.
 */
export function withCorrectedRecord(stats: UsageFileStats, record: CountedRecord): UsageFileStats {
  const { itemId, subscriptionId } = record;
  const day = new Date(record.startTime).toISOString().slice(0, 10);
  const byItem = (a: { itemId: string }, b: { itemId: string }) => a.itemId.localeCompare(b.itemId);
  return {
    ...stats,
    valid: stats.valid + 1,
    invalid: stats.invalid - 1,
    byItem: addTo(stats.byItem, { itemId }, record, Infinity, byItem),
    ...(stats.bySubscription && {
      bySubscription: addTo(
        stats.bySubscription,
        { subscriptionId, itemId },
        record,
        statsListCaps.bySubscription,
        (a, b) => a.subscriptionId.localeCompare(b.subscriptionId) || byItem(a, b),
      ),
    }),
    ...(stats.byDay && {
      byDay: addTo(
        stats.byDay,
        { day, itemId },
        record,
        statsListCaps.byDay,
        (a, b) => a.day.localeCompare(b.day) || byItem(a, b),
      ),
    }),
  };
}

type Totals = { records: number; quantity: string; amount: string | null };

/** Adds the record to its row of a sorted list (`compare` orders the list and finds the row). */
function addTo<Key extends object, Row extends Key & Totals>(
  rows: readonly Row[],
  key: Key,
  record: CountedRecord,
  cap: number,
  compare: (a: Key, b: Key) => number,
): Row[] {
  const index = rows.findIndex((row) => compare(row, key) === 0);
  if (index === -1) {
    if (rows.length >= cap) return [...rows];
    const added = { ...key, records: 1, quantity: record.quantity, amount: record.amount } as Row;
    return [...rows, added].sort(compare);
  }
  const row = rows[index]!;
  const amount =
    record.amount === null
      ? row.amount
      : row.amount === null
        ? record.amount
        : addDecimals(storedDecimal(row.amount), record.amount);
  const updated = {
    ...row,
    records: row.records + 1,
    quantity: addDecimals(storedDecimal(row.quantity), record.quantity),
    amount,
  };
  return rows.map((existing, at) => (at === index ? updated : existing));
}

/** Stored totals are canonical decimal text: read back as such. */
export function storedDecimal(text: string): DecimalText {
  const value = parseDecimal(text);
  if (value === null) throw new Error(`Stored stats hold ${JSON.stringify(text)}, which is not a decimal`);
  return value;
}
