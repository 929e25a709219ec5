import "server-only";
import { addDecimals, parseDecimal, type DecimalText } from "@/lib/domain/decimal";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import type { UsageFileStats } from "@/lib/domain/usage-stats";

interface ItemTotals {
  records: number;
  quantity: DecimalText;
  amount: DecimalText | null;
}

/** Counts and exact per-item sums, gathered in the same pass that reads the records. */
export class UsageTotals {
  private records = 0;
  private invalid = 0;
  private readonly byItem = new Map<string, ItemTotals>();

  /** Totals that go on from a file's stored stats, for records corrected after processing. */
  static from(stats: UsageFileStats): UsageTotals {
    const totals = new UsageTotals();
    totals.records = stats.records;
    totals.invalid = stats.invalid;
    for (const item of stats.byItem) {
      totals.byItem.set(item.itemId, {
        records: item.records,
        quantity: storedDecimal(item.quantity),
        amount: item.amount === null ? null : storedDecimal(item.amount),
      });
    }
    return totals;
  }

  add(record: ValidatedRecord): void {
    this.records++;
    if (record.errors) this.invalid++;
    else this.addToItem(record);
  }

  /** An invalid record counted before has become valid. */
  addCorrected(record: ValidatedRecord): void {
    this.invalid--;
    this.addToItem(record);
  }

  private addToItem(record: ValidatedRecord): void {
    const itemId = record.itemId!;
    const totals = this.byItem.get(itemId);
    if (!totals) {
      this.byItem.set(itemId, { records: 1, quantity: record.quantity!, amount: record.amount });
      return;
    }
    totals.records++;
    totals.quantity = addDecimals(totals.quantity, record.quantity!);
    if (record.amount !== null) totals.amount = totals.amount === null ? record.amount : addDecimals(totals.amount, record.amount);
  }

  get count(): number {
    return this.records;
  }

  get invalidCount(): number {
    return this.invalid;
  }

  stats(): UsageFileStats {
    return {
      records: this.records,
      valid: this.records - this.invalid,
      invalid: this.invalid,
      byItem: [...this.byItem]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([itemId, totals]) => ({ itemId, ...totals })),
    };
  }
}

function storedDecimal(text: string): DecimalText {
  const decimal = parseDecimal(text);
  if (decimal === null) throw new Error(`Stored stats hold ${JSON.stringify(text)}, which is not a decimal`);
  return decimal;
}
