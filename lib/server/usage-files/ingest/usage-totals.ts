import "server-only";
import type { SubscriptionItemTotals } from "@/db/usage-file-totals";
import type { DecimalText } from "@/lib/domain/decimal";
import { DecimalSum } from "@/lib/domain/decimal-sum";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import { biggest, statsListCaps, type UsageFileStats } from "@/lib/domain/usage-stats";

const dayMs = 86_400_000;
/** `localeCompare`'s order, without its cost per call: a file may have a pair for every few records. */
const collator = new Intl.Collator();

/** Records, quantity and amount of one group of records, summed exactly. */
class Totals {
  records = 0;
  private readonly quantity = new DecimalSum();
  private amount: DecimalSum | null = null;

  add(quantity: DecimalText, amount: DecimalText | null): void {
    this.records++;
    this.quantity.add(quantity);
    if (amount !== null) (this.amount ??= new DecimalSum()).add(amount);
  }

  toJSON() {
    return { records: this.records, quantity: this.quantity.value, amount: this.amount?.value ?? null };
  }
}

/** An item's totals, and the same split by subscription and by day. */
class ItemTotals extends Totals {
  readonly bySubscription = new Map<string, Totals>();
  /** Keyed by days since the epoch (UTC) of the record's start. */
  readonly byDay = new Map<number, Totals>();
}

function totalsIn<K>(map: Map<K, Totals>, key: K): Totals {
  let totals = map.get(key);
  if (!totals) map.set(key, (totals = new Totals()));
  return totals;
}

/** Counts and exact per-item, per-subscription and per-day sums, gathered in the same pass that reads the records. */
export class UsageTotals {
  private records = 0;
  private invalid = 0;
  private readonly byItem = new Map<string, ItemTotals>();

  add(record: ValidatedRecord): void {
    this.records++;
    if (record.errors) {
      this.invalid++;
      return;
    }
    const quantity = record.quantity!;
    let item = this.byItem.get(record.itemId!);
    if (!item) this.byItem.set(record.itemId!, (item = new ItemTotals()));
    item.add(quantity, record.amount);
    totalsIn(item.bySubscription, record.subscriptionId!).add(quantity, record.amount);
    totalsIn(item.byDay, Math.floor(record.startTime! / dayMs)).add(quantity, record.amount);
  }

  get count(): number {
    return this.records;
  }

  get invalidCount(): number {
    return this.invalid;
  }

  /** Every subscription and item's sums, uncapped and in no order: what `usage_file_totals` stores. */
  *subscriptionItemTotals(): Generator<SubscriptionItemTotals> {
    for (const [itemId, item] of this.byItem) {
      for (const [subscriptionId, totals] of item.bySubscription) yield { subscriptionId, itemId, ...totals.toJSON() };
    }
  }

  /**
   * The `limit` subscription and item pairs with the most records, as `biggest` picks them, and
   * how many are left out. Only the pairs kept are written out with their sums: a five-million-row
   * file may have 178,000 pairs.
   */
  private biggestPairs(limit: number) {
    const pairs: { subscriptionId: string; itemId: string; totals: Totals; records: number }[] = [];
    for (const [itemId, item] of this.byItem) {
      for (const [subscriptionId, totals] of item.bySubscription) {
        pairs.push({ subscriptionId, itemId, totals, records: totals.records });
      }
    }
    pairs.sort((a, b) => collator.compare(a.subscriptionId, b.subscriptionId) || collator.compare(a.itemId, b.itemId));
    const { kept, omitted } = biggest(pairs, limit);
    return {
      kept: kept.map(({ subscriptionId, itemId, totals }) => ({ subscriptionId, itemId, ...totals.toJSON() })),
      omitted,
    };
  }

  stats(): UsageFileStats {
    const items = [...this.byItem].sort(([a], [b]) => a.localeCompare(b));
    const bySubscription = this.biggestPairs(statsListCaps.bySubscription);
    const byDay = biggest(
      items
        .flatMap(([itemId, item]) =>
          [...item.byDay].map(([day, t]) => ({
            day: new Date(day * dayMs).toISOString().slice(0, 10),
            itemId,
            ...t.toJSON(),
          })),
        )
        .sort((a, b) => a.day.localeCompare(b.day) || a.itemId.localeCompare(b.itemId)),
      statsListCaps.byDay,
    );
    return {
      records: this.records,
      valid: this.records - this.invalid,
      invalid: this.invalid,
      byItem: items.map(([itemId, item]) => ({ itemId, ...item.toJSON() })),
      bySubscription: bySubscription.kept,
      bySubscriptionOmitted: bySubscription.omitted,
      byDay: byDay.kept,
      byDayOmitted: byDay.omitted,
    };
  }
}
