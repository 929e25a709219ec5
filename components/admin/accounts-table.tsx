"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextInput } from "@/components/ui/form";
import type { AccountKind } from "@/lib/domain/catalog";
import type { FormAction } from "@/lib/server/form-action";

export interface AccountRow {
  id: string;
  name: string;
  kind: AccountKind;
  users: number;
}

const column = createColumnHelper<AccountRow>();

export function AccountsTable({ rows, rename }: { rows: AccountRow[]; rename: FormAction }) {
  const columns = [
    column.accessor("name", {
      header: "Account",
      cell: ({ row }) => (
        <>
          <div className="font-medium">{row.original.name}</div>
          <div className="font-mono text-xs text-slate-500">{row.original.id}</div>
        </>
      ),
    }),
    column.accessor("kind", {
      header: "Kind",
      cell: ({ getValue }) => <span className="capitalize">{getValue()}</span>,
    }),
    column.accessor("users", {
      header: "Users",
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
    }),
    column.display({
      id: "actions",
      header: "",
      cell: ({ row }) => (
        <ConfirmDialog
          action={rename}
          hidden={{ accountId: row.original.id }}
          trigger={`Rename ${row.original.name}`}
          title={`Rename ${row.original.name}`}
          description="The new name shows everywhere the account appears, including past usage files."
          confirmLabel="Rename"
          triggerVariant="secondary"
        >
          <Field label="New name">
            <TextInput name="name" defaultValue={row.original.name} required />
          </Field>
        </ConfirmDialog>
      ),
    }),
  ];
  return (
    <DataTable
      caption="Accounts"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      emptyMessage="No accounts yet."
    />
  );
}
