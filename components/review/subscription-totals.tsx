import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { SubscriptionName } from "@/components/ui/subscription-name";
import { itemsById, totalColumns, type TotalsItem } from "@/components/usage-files/item-totals";
import type { SubscriptionTotalsRow } from "@/lib/domain/usage-stats";

/** Records and exact totals per subscription and item, from the stats stored when the file was processed. */
export function SubscriptionTotals({
  rows,
  omitted,
  items,
  currency,
  externalIds,
}: {
  rows: readonly SubscriptionTotalsRow[];
  omitted: number;
  items: readonly TotalsItem[];
  currency: string;
  /** Each listed subscription's external id, by its `AS-…` id. */
  externalIds: ReadonlyMap<string, string>;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No valid records.</p>;
  const byId = itemsById(items);
  const columns: SimpleColumn<SubscriptionTotalsRow>[] = [
    {
      header: "Subscription",
      cell: (row) => <SubscriptionName id={row.subscriptionId} externalId={externalIds.get(row.subscriptionId)} />,
    },
    { header: "Item", cell: (row) => byId.get(row.itemId)?.name ?? row.itemId },
    ...totalColumns(rows, byId, currency),
  ];
  return (
    <div className="max-h-96 overflow-y-auto" tabIndex={0} role="region" aria-label="Totals by subscription">
      <SimpleTable columns={columns} rows={rows} rowKey={(row) => `${row.subscriptionId}-${row.itemId}`} stickyHeader />
      {omitted > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          The {omitted.toLocaleString("en-US")} smallest subscription totals are left out; the export has every record.
        </p>
      )}
    </div>
  );
}
