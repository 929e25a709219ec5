"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { PagedTable, type NumberedPage } from "@/components/data-table/paged-table";
import type { LoadedRows } from "@/components/data-table/use-server-rows";
import { formatDateTime, formatPeriod } from "@/lib/format";
import { StatusBadge } from "./status-badge";
import type { UsageFileListRow } from "./usage-file-list-row";

const column = createColumnHelper<UsageFileListRow>();

function columnsFor(hrefOf: (id: string) => string, partyLabel: string) {
  return [
    column.accessor("name", {
      header: "File",
      cell: ({ row }) => (
        <>
          <Link href={hrefOf(row.original.id)} className="font-medium text-brand-700 hover:underline">
            {row.original.name}
          </Link>
          <div className="font-mono text-xs text-slate-500">{row.original.id}</div>
        </>
      ),
    }),
    column.accessor("productName", { id: "product", header: "Product" }),
    column.accessor("partyName", { id: "party", header: partyLabel, enableSorting: false }),
    column.accessor("periodFrom", {
      id: "period",
      header: "Period (UTC)",
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatPeriod(row.original.periodFrom, row.original.periodTo)}</span>
      ),
    }),
    column.accessor("records", {
      header: "Records",
      enableSorting: false,
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()?.toLocaleString("en-US") ?? "—"}</span>,
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ getValue, row }) => <StatusBadge status={getValue()} label={row.original.statusLabel} />,
    }),
    column.accessor("updatedAt", {
      id: "updated",
      header: "Updated",
      cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-600">{formatDateTime(getValue())}</span>,
    }),
  ];
}

/** The files list, paged, sorted and filtered by the server; links lead to each role's file page. */
export function UsageFilesDataTable({
  initial,
  source,
  area,
}: {
  initial: LoadedRows<NumberedPage<UsageFileListRow>>;
  source: string;
  area: "vendor" | "distributor";
}) {
  const columns = columnsFor((id) => `/${area}/files/${id}`, area === "vendor" ? "Distributor" : "Vendor");
  return (
    <PagedTable
      initial={initial}
      source={source}
      columns={columns}
      rowId={(row) => row.id}
      caption="Usage files"
      emptyMessage="No usage files match."
    />
  );
}
