"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { PagedTable, type NumberedPage } from "@/components/data-table/paged-table";
import type { LoadedRows } from "@/components/data-table/use-server-rows";
import type { AuditEventRow } from "@/lib/server/queries/admin-audit";
import { formatDateTime } from "@/lib/format";

const column = createColumnHelper<AuditEventRow>();

const columns = [
  column.accessor("at", {
    header: "When",
    cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDateTime(getValue())}</span>,
  }),
  column.accessor("actorEmail", {
    header: "Actor",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.actorUserId ? (
        <>
          <div>{row.original.actorEmail}</div>
          <div className="text-xs text-slate-500">{row.original.accountName}</div>
        </>
      ) : (
        <span className="text-slate-500">system or anonymous</span>
      ),
  }),
  column.accessor("action", {
    header: "Action",
    enableSorting: false,
    cell: ({ getValue }) => <span className="font-medium">{getValue()}</span>,
  }),
  column.accessor("objectId", {
    header: "Object",
    enableSorting: false,
    cell: ({ row }) => (
      <>
        <span className="text-slate-500">{row.original.objectType}</span>{" "}
        <span className="font-mono text-xs">{row.original.objectId}</span>
      </>
    ),
  }),
  column.accessor("details", {
    header: "Details",
    enableSorting: false,
    cell: ({ getValue }) => {
      const details = getValue();
      return Object.keys(details).length > 0 ? (
        <code className="block max-w-md truncate text-xs text-slate-600" title={JSON.stringify(details)}>
          {JSON.stringify(details)}
        </code>
      ) : null;
    },
  }),
];

export function AuditDataTable({
  initial,
  source,
}: {
  initial: LoadedRows<NumberedPage<AuditEventRow>>;
  source: string;
}) {
  return (
    <PagedTable
      initial={initial}
      source={source}
      columns={columns}
      rowId={(row) => String(row.id)}
      caption="Audit events"
      emptyMessage="No events match."
    />
  );
}
