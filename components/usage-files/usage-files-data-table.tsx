"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
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
    column.accessor("status", { header: "Status", cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
    column.accessor("updatedAt", {
      id: "updated",
      header: "Updated",
      cell: ({ getValue }) => <span className="whitespace-nowrap text-slate-600">{formatDateTime(getValue())}</span>,
    }),
  ];
}

/** The files list, paged, sorted and filtered by the server; links lead to each role's file page. */
export function UsageFilesDataTable({
  rows,
  sort,
  area,
}: {
  rows: UsageFileListRow[];
  sort: { column: string; desc: boolean };
  area: "vendor" | "distributor";
}) {
  const columns = columnsFor((id) => `/${area}/files/${id}`, area === "vendor" ? "Distributor" : "Vendor");
  return (
    <DataTable columns={columns} rows={rows} sort={sort} rowId={(row) => row.id} emptyMessage="No usage files match." />
  );
}
