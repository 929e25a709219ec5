import { z } from "zod";
import { addDecimals, isNegative, parseDecimal, type DecimalText } from "./decimal";

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
  const day = new Date(record.startTime).toISOString().slice(0, 10);
  const counted = { ...record, day, records: 1 };
  return { ...withTotalsAdded(stats, [counted]), valid: stats.valid + 1, invalid: stats.invalid - 1 };
}

/**
 * The stats once a valid record was corrected into another valid one (a Rejected file's record,
 * issue 21): taken out of its old item, subscription and day, added to its new ones.
 */
export function withValidRecordReplaced(
  stats: UsageFileStats,
  before: CountedRecord,
  after: CountedRecord,
): UsageFileStats {
  const group = (record: CountedRecord, sign: 1 | -1) => ({
    ...record,
    day: new Date(record.startTime).toISOString().slice(0, 10),
    records: sign,
    quantity: sign === 1 ? record.quantity : negate(record.quantity),
    amount: record.amount && (sign === 1 ? record.amount : negate(record.amount)),
  });
  return withTotalsAdded(stats, [group(before, -1), group(after, 1)]);
}

/** Valid records of one item, subscription and day, summed: what a change to the stats moves at once. */
export interface CountedGroup {
  itemId: string;
  subscriptionId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  records: number;
  quantity: DecimalText;
  amount: DecimalText | null;
}

/** A group as SQL sums it: decimal text, `amount` null when none of its records has one. */
export type SummedGroup = Omit<CountedGroup, "quantity" | "amount"> & { quantity: string; amount: string | null };

export function countedGroupOf(group: SummedGroup): CountedGroup {
  return {
    ...group,
    quantity: parseDecimal(group.quantity)!,
    amount: group.amount === null ? null : parseDecimal(group.amount)!,
  };
}

/** The stats once valid records were added to the file (an accepted amendment's reversals, issue 21). */
export function withRecordsAdded(stats: UsageFileStats, groups: readonly CountedGroup[]): UsageFileStats {
  const added = groups.reduce((sum, group) => sum + group.records, 0);
  return { ...withTotalsAdded(stats, groups), records: stats.records + added, valid: stats.valid + added };
}

/**
 * The stats once valid records were made invalid (a product that blocks overlapping usage): counted
 * as invalid, taken out of their item, subscription and day.
 */
export function withRecordsMadeInvalid(stats: UsageFileStats, groups: readonly CountedGroup[]): UsageFileStats {
  const moved = groups.reduce((sum, group) => sum + group.records, 0);
  const negated = groups.map((group) => ({
    ...group,
    records: -group.records,
    quantity: negate(group.quantity),
    amount: group.amount && negate(group.amount),
  }));
  return { ...withTotalsAdded(stats, negated), valid: stats.valid - moved, invalid: stats.invalid + moved };
}

function negate(value: DecimalText): DecimalText {
  return parseDecimal(isNegative(value) ? value.slice(1) : `-${value}`)!;
}

/**
 * Adds each group to its item, subscription and day. A subscription or day missing from a list that
 * is full (its cap reached) stays out of it, as the ingest would have left it out.
 */
function withTotalsAdded(stats: UsageFileStats, groups: readonly CountedGroup[]): UsageFileStats {
  const byItem = (a: { itemId: string }, b: { itemId: string }) => a.itemId.localeCompare(b.itemId);
  const bySubscription = (a: { subscriptionId: string; itemId: string }, b: typeof a) =>
    a.subscriptionId.localeCompare(b.subscriptionId) || byItem(a, b);
  const byDay = (a: { day: string; itemId: string }, b: typeof a) => a.day.localeCompare(b.day) || byItem(a, b);
  let next = stats;
  for (const group of groups) {
    const { itemId, subscriptionId, day } = group;
    next = {
      ...next,
      byItem: addTo(next.byItem, { itemId }, group, Infinity, byItem),
      ...(next.bySubscription && {
        bySubscription: addTo(
          next.bySubscription,
          { subscriptionId, itemId },
          group,
          statsListCaps.bySubscription,
          bySubscription,
        ),
      }),
      ...(next.byDay && { byDay: addTo(next.byDay, { day, itemId }, group, statsListCaps.byDay, byDay) }),
    };
  }
  return next;
}

type Totals = { records: number; quantity: string; amount: string | null };

/**
 * Adds the totals to their row of a sorted list (`compare` orders the list and finds the row); a row
 * left with no record is taken out.
 */
function addTo<Key extends object, Row extends Key & Totals>(
  rows: readonly Row[],
  key: Key,
  added: { records: number; quantity: DecimalText; amount: DecimalText | null },
  cap: number,
  compare: (a: Key, b: Key) => number,
): Row[] {
  const index = rows.findIndex((row) => compare(row, key) === 0);
  if (index === -1) {
    if (rows.length >= cap || added.records <= 0) return [...rows];
    const row = { ...key, records: added.records, quantity: added.quantity, amount: added.amount } as Row;
    return [...rows, row].sort(compare);
  }
  const row = rows[index]!;
  const amount =
    added.amount === null
      ? row.amount
      : row.amount === null
        ? added.amount
        : addDecimals(storedDecimal(row.amount), added.amount);
  const updated = {
    ...row,
    records: row.records + added.records,
    quantity: addDecimals(storedDecimal(row.quantity), added.quantity),
    amount,
  };
  if (updated.records <= 0) return rows.filter((_, at) => at !== index);
  return rows.map((existing, at) => (at === index ? updated : existing));
}

/** Stored totals are canonical decimal text: read back as such. */
export function storedDecimal(text: string): DecimalText {
  const value = parseDecimal(text);
  if (value === null) throw new Error(`Stored stats hold ${JSON.stringify(text)}, which is not a decimal`);
  return value;
}
