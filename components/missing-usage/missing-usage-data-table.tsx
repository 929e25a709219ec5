"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { PagedTable, type NumberedPage } from "@/components/data-table/paged-table";
import type { LoadedRows } from "@/components/data-table/use-server-rows";
import type { MissingUsage } from "@/lib/domain/missing-usage";
import { ActiveWindow } from "@/components/subscriptions/active-window";

const column = createColumnHelper<MissingUsage>();

const columns = [
  column.accessor("externalId", {
    header: "External id",
    cell: ({ row }) => (
      <>
        <div className="font-medium">{row.original.externalId}</div>
        <div className="font-mono text-xs text-slate-500">{row.original.subscriptionId}</div>
      </>
    ),
  }),
  column.accessor("productName", { id: "product", header: "Product" }),
  column.accessor("contractId", { id: "contract", header: "Contract" }),
  column.accessor("activeFrom", {
    header: "Active (UTC)",
    cell: ({ row }) => <ActiveWindow from={row.original.activeFrom} to={row.original.activeTo} />,
  }),
  column.accessor("lastReportedPeriod", {
    header: "Last reported",
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">Never</span>,
  }),
];

/** The month's active subscriptions that no file the viewer counts reports usage for. */
export function MissingUsageDataTable({
  initial,
  source,
}: {
  initial: LoadedRows<NumberedPage<MissingUsage>>;
  source: string;
}) {
  return (
    <PagedTable
      initial={initial}
      source={source}
      columns={columns}
      rowId={(row) => row.subscriptionId}
      caption="Subscriptions without usage"
      emptyMessage="Every active subscription has usage reported for this month."
    />
  );
}
