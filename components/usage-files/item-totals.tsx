import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import type { ItemTotalsRow, UsageFileStats } from "@/lib/domain/usage-stats";

/** Records and exact totals per item, from the stats stored when the file was processed. */
export function ItemTotals({ stats, itemNames }: { stats: UsageFileStats; itemNames: Record<string, string> }) {
  if (stats.byItem.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  const columns: SimpleColumn<ItemTotalsRow>[] = [
    {
      header: "Item",
      cell: (item) => (
        <>
          {itemNames[item.itemId] ?? item.itemId}
          <span className="ml-2 font-mono text-xs text-slate-500">{item.itemId}</span>
        </>
      ),
    },
    ...totalColumns<ItemTotalsRow>(stats.byItem),
  ];
  return <SimpleTable columns={columns} rows={stats.byItem} rowKey={(item) => item.itemId} />;
}

/** Records, quantity and (when any row has one) amount: the columns every totals table ends with. */
export function totalColumns<Row extends { records: number; quantity: string; amount: string | null }>(
  rows: readonly Row[],
): SimpleColumn<Row>[] {
  const columns: SimpleColumn<Row>[] = [
    { header: "Records", numeric: true, cell: (row) => row.records.toLocaleString("en-US") },
    { header: "Quantity", numeric: true, className: "font-mono", cell: (row) => row.quantity },
  ];
  if (rows.some((row) => row.amount !== null)) {
    columns.push({ header: "Amount", numeric: true, className: "font-mono", cell: (row) => row.amount ?? "—" });
  }
  return columns;
}
