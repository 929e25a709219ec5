import type { PeriodTotals } from "@/lib/server/queries/review-dashboard";

/** Usage per vendor, product and item for one period, from the files' stored stats. */
export function PeriodTotalsTable({ rows }: { rows: PeriodTotals[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No usage submitted for this period.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">Vendor</th>
          <th className="py-2 pr-4 font-medium">Product</th>
          <th className="py-2 pr-4 font-medium">Item</th>
          <th className="py-2 pr-4 text-right font-medium">Files</th>
          <th className="py-2 pr-4 text-right font-medium">Records</th>
          <th className="py-2 pr-4 text-right font-medium">Quantity</th>
          <th className="py-2 text-right font-medium">Amount</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={`${row.vendorName}-${row.itemId}`}>
            <td className="py-2 pr-4">{row.vendorName}</td>
            <td className="py-2 pr-4">{row.productName}</td>
            <td className="py-2 pr-4">{row.itemName}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{row.files}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{row.records.toLocaleString("en-US")}</td>
            <td className="py-2 pr-4 text-right font-mono tabular-nums">
              {row.quantity} <span className="font-sans text-xs text-slate-500">{row.unit}</span>
            </td>
            <td className="py-2 text-right font-mono tabular-nums">{row.amount ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
