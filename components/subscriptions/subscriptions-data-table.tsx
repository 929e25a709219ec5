"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { PagedTable, type NumberedPage } from "@/components/data-table/paged-table";
import type { LoadedRows } from "@/components/data-table/use-server-rows";
import type { SubscriptionRow } from "@/lib/server/queries/subscriptions";
import { ActiveWindow } from "./active-window";

const column = createColumnHelper<SubscriptionRow>();

const columns = [
  column.accessor("externalId", {
    header: "External id",
    cell: ({ row }) => (
      <>
        <div className="font-medium">{row.original.externalId}</div>
        <div className="font-mono text-xs text-slate-500">
          {row.original.id} · {row.original.externalUid}
        </div>
      </>
    ),
  }),
  column.accessor("productName", { id: "product", header: "Product" }),
  column.accessor("contractId", { id: "contract", header: "Contract" }),
  column.accessor("parameters", {
    header: "Parameters",
    enableSorting: false,
    cell: ({ getValue }) => (
      <span className="text-xs text-slate-600">
        {Object.entries(getValue())
          .map(([name, value]) => `${name}=${value}`)
          .join("; ")}
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <span className="capitalize">{getValue()}</span>,
  }),
  column.accessor("activeFrom", {
    header: "Active (UTC)",
    cell: ({ row }) => <ActiveWindow from={row.original.activeFrom} to={row.original.activeTo} />,
  }),
];

export function SubscriptionsDataTable({
  initial,
  source,
}: {
  initial: LoadedRows<NumberedPage<SubscriptionRow>>;
  source: string;
}) {
  return (
    <PagedTable
      initial={initial}
      source={source}
      columns={columns}
      rowId={(row) => row.id}
      caption="Subscriptions"
      emptyMessage="No subscriptions match."
    />
  );
}
