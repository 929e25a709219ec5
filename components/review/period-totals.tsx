import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import type { PeriodTotals } from "@/lib/server/queries/review-dashboard";

const columns: SimpleColumn<PeriodTotals>[] = [
  { header: "Vendor", cell: (row) => row.vendorName },
  { header: "Product", cell: (row) => row.productName },
  { header: "Item", cell: (row) => row.itemName },
  { header: "Files", numeric: true, cell: (row) => row.files },
  { header: "Records", numeric: true, cell: (row) => row.records.toLocaleString("en-US") },
  {
    header: "Quantity",
    numeric: true,
    className: "font-mono",
    cell: (row) => (
      <>
        {row.quantity} <span className="font-sans text-xs text-slate-500">{row.unit}</span>
      </>
    ),
  },
  { header: "Amount", numeric: true, className: "font-mono", cell: (row) => row.amount ?? "—" },
];

/** Usage per vendor, product and item for one period, from the files' stored stats. */
export function PeriodTotalsTable({ rows }: { rows: PeriodTotals[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No usage submitted for this period.</p>;
  return <SimpleTable columns={columns} rows={rows} rowKey={(row) => `${row.vendorName}-${row.itemId}`} />;
}
