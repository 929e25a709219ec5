import type { UsageFileStats } from "@/lib/domain/usage-stats";

/** Records and exact totals per item, from the stats stored when the file was processed. */
export function ItemTotals({ stats, itemNames }: { stats: UsageFileStats; itemNames: Record<string, string> }) {
  if (stats.byItem.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  const hasAmounts = stats.byItem.some((item) => item.amount !== null);
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Item</th>
          <th className="py-2 pr-4 text-right font-medium">Records</th>
          <th className="py-2 pr-4 text-right font-medium">Quantity</th>
          {hasAmounts && <th className="py-2 text-right font-medium">Amount</th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {stats.byItem.map((item) => (
          <tr key={item.itemId}>
            <td className="py-2 pr-4">
              {itemNames[item.itemId] ?? item.itemId}
              <span className="ml-2 font-mono text-xs text-slate-500">{item.itemId}</span>
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{item.records.toLocaleString("en-US")}</td>
            <td className="py-2 pr-4 text-right font-mono tabular-nums">{item.quantity}</td>
            {hasAmounts && <td className="py-2 text-right font-mono tabular-nums">{item.amount ?? "—"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
