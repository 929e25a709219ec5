import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { amountLabel, quantityLabel } from "@/lib/domain/figures";
import type { ItemTotalsRow, UsageFileStats } from "@/lib/domain/usage-stats";

/** What a totals table needs to know of an item: its name, and the unit of its quantities. */
export interface TotalsItem {
  id: string;
  name: string;
  unit: string;
}

/** Records and exact totals per item, from the stats stored when the file was processed. */
export function ItemTotals({
  stats,
  items,
  currency,
}: {
  stats: UsageFileStats;
  items: readonly TotalsItem[];
  currency: string;
}) {
  if (stats.byItem.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  const byId = itemsById(items);
  const columns: SimpleColumn<ItemTotalsRow>[] = [
    {
      header: "Item",
      cell: (item) => (
        <>
          {byId.get(item.itemId)?.name ?? item.itemId}
          <span className="ml-2 font-mono text-xs text-slate-500">{item.itemId}</span>
        </>
      ),
    },
    ...totalColumns<ItemTotalsRow>(stats.byItem, byId, currency),
  ];
  return <SimpleTable columns={columns} rows={stats.byItem} rowKey={(item) => item.itemId} />;
}

export function itemsById(items: readonly TotalsItem[]): ReadonlyMap<string, TotalsItem> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Records, quantity in the item's unit and (when any row has one) amount in the file's currency:
 * the columns every totals table ends with.
 */
export function totalColumns<Row extends { itemId: string; records: number; quantity: string; amount: string | null }>(
  rows: readonly Row[],
  items: ReadonlyMap<string, TotalsItem>,
  currency: string,
): SimpleColumn<Row>[] {
  const columns: SimpleColumn<Row>[] = [
    { header: "Records", numeric: true, cell: (row) => row.records.toLocaleString("en-US") },
    {
      header: "Quantity",
      numeric: true,
      className: "font-mono",
      cell: (row) => quantityLabel(row.quantity, items.get(row.itemId)?.unit ?? ""),
    },
  ];
  if (rows.some((row) => row.amount !== null)) {
    columns.push({
      header: "Amount",
      numeric: true,
      className: "font-mono",
      cell: (row) => (row.amount === null ? "—" : amountLabel(row.amount, currency)),
    });
  }
  return columns;
}
