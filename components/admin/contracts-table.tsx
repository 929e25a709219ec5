"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormAction } from "@/lib/server/form-action";
import { ActiveBadge } from "./active-badge";

export interface ContractRow {
  id: string;
  vendorName: string;
  distributorName: string;
  marketplace: string;
  active: boolean;
}

const column = createColumnHelper<ContractRow>();

export function ContractsTable({ rows, deactivate }: { rows: ContractRow[]; deactivate: FormAction }) {
  const columns = [
    column.accessor("id", {
      header: "Contract",
      cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
    }),
    column.accessor("vendorName", { header: "Vendor" }),
    column.accessor("distributorName", { header: "Distributor or reseller" }),
    column.accessor("marketplace", { header: "Marketplace" }),
    column.accessor("active", { header: "Status", cell: ({ getValue }) => <ActiveBadge active={getValue()} /> }),
    column.display({
      id: "actions",
      header: "",
      cell: ({ row }) =>
        row.original.active && (
          <ConfirmDialog
            action={deactivate}
            hidden={{ contractId: row.original.id }}
            trigger={`Deactivate ${row.original.id}`}
            title={`Deactivate contract ${row.original.id}?`}
            description="The vendor can no longer create usage files under it; files already created stay as they are."
            confirmLabel="Deactivate"
            variant="danger"
            triggerVariant="secondary"
          />
        ),
    }),
  ];
  return (
    <DataTable
      caption="Contracts"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      emptyMessage="No contracts yet."
    />
  );
}
