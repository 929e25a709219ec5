import { addDecimals, type DecimalText } from "./decimal";
import { amountLabel, quantityLabel } from "./figures";
import type { UsagePeriod } from "./usage-file-input";
import { storedDecimal, type DayTotalsRow, type UsageFileStats } from "./usage-stats";

/** What a chart needs to know of an item: its name and the unit its quantities are in. */
export interface ChartItem {
  id: string;
  name: string;
  unit: string;
}

/** One day's bar: the exact value (the chart scales by it) and the text a reader sees for it. */
export interface DailyBar {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  value: string;
  label: string;
}

export interface DailySeries {
  title: string;
  /** The unit or currency of every value of the series. */
  unit: string;
  total: string;
  bars: DailyBar[];
}

export interface UsageCharts {
  /** One series per item with records: quantities of different items (units) are never added. */
  quantities: (DailySeries & { itemId: string })[];
  /** Amounts per day, every item's together (one currency), or null when the records carry none. */
  amounts: DailySeries | null;
  /** Day and item pairs the stored stats left out (their cap); the charts then miss those days. */
  omitted: number;
}

const dayMs = 86_400_000;

/**
 * The review page's charts, from the per-day totals stored when the file was processed (never from
 * the records): each item's quantity per day of the period, in its unit, and the amount per day in
 * the file's currency. Days without records are there, at zero. Null for a file processed before
 * daily totals were kept.
 */
export function dailyUsageCharts(
  stats: UsageFileStats,
  file: { period: UsagePeriod; currency: string },
  items: readonly ChartItem[],
): UsageCharts | null {
  if (!stats.byDay) return null;
  const days = daysOf(file.period, stats.byDay);
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const quantities = stats.byItem.map(({ itemId }) => {
    const item = itemsById.get(itemId) ?? { id: itemId, name: itemId, unit: "" };
    const rows = stats.byDay!.filter((row) => row.itemId === itemId);
    return { itemId, ...series(item.name, item.unit, days, rows, (row) => row.quantity, quantityLabel) };
  });
  const withAmount = stats.byDay.filter((row) => row.amount !== null);
  const amounts =
    withAmount.length === 0
      ? null
      : series("Amount", file.currency, days, withAmount, (row) => row.amount!, amountLabel);
  return { quantities, amounts, omitted: stats.byDayOmitted ?? 0 };
}

function series(
  title: string,
  unit: string,
  days: readonly string[],
  rows: readonly DayTotalsRow[],
  valueOf: (row: DayTotalsRow) => string,
  labelOf: (value: string, unit: string) => string,
): DailySeries {
  const byDay = new Map<string, DecimalText>();
  for (const row of rows) byDay.set(row.day, addDecimals(byDay.get(row.day) ?? zero, storedDecimal(valueOf(row))));
  const bars = days.map((day) => {
    const value = byDay.get(day) ?? zero;
    return { day, value, label: labelOf(value, unit) };
  });
  const total = bars.reduce((sum, bar) => addDecimals(sum, bar.value as DecimalText), zero);
  return { title, unit, total: labelOf(total, unit), bars };
}

const zero = "0" as DecimalText;

/** Every UTC day of the period, and any day of the stats outside it, in order. */
function daysOf(period: UsagePeriod, rows: readonly DayTotalsRow[]): string[] {
  const days = new Set<string>();
  for (let at = period.from.getTime(); at < period.to.getTime(); at += dayMs) {
    days.add(new Date(at).toISOString().slice(0, 10));
  }
  for (const row of rows) days.add(row.day);
  return [...days].sort();
}
