import type { SubscriptionTotalsRow } from "@/lib/domain/usage-stats";

/** Records and exact totals per subscription and item, from the stats stored when the file was processed. */
export function SubscriptionTotals({
  rows,
  omitted,
  itemNames,
}: {
  rows: readonly SubscriptionTotalsRow[];
  omitted: number;
  itemNames: Record<string, string>;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  const hasAmounts = rows.some((row) => row.amount !== null);
  return (
    <div className="max-h-96 overflow-y-auto">
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Subscription</th>
            <th className="py-2 pr-4 font-medium">Item</th>
            <th className="py-2 pr-4 text-right font-medium">Records</th>
            <th className="py-2 pr-4 text-right font-medium">Quantity</th>
            {hasAmounts && <th className="py-2 text-right font-medium">Amount</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.subscriptionId}-${row.itemId}`}>
              <td className="py-2 pr-4 font-mono text-xs">{row.subscriptionId}</td>
              <td className="py-2 pr-4">{itemNames[row.itemId] ?? row.itemId}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.records.toLocaleString("en-US")}</td>
              <td className="py-2 pr-4 text-right font-mono tabular-nums">{row.quantity}</td>
              {hasAmounts && <td className="py-2 text-right font-mono tabular-nums">{row.amount ?? "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {omitted > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          The {omitted.toLocaleString("en-US")} smallest subscription totals are left out; the export has every record.
        </p>
      )}
    </div>
  );
}
