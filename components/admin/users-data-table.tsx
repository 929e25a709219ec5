"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { PagedTable, type NumberedPage } from "@/components/data-table/paged-table";
import type { LoadedRows } from "@/components/data-table/use-server-rows";
import type { UserRole } from "@/lib/domain/catalog";
import { formatDate } from "@/lib/format";
import { ActiveBadge } from "./active-badge";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  mustChangePassword: boolean;
  accountName: string;
  createdAt: Date;
}

const column = createColumnHelper<UserRow>();

const columns = [
  column.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <Link href={`/admin/users/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
        {row.original.name}
      </Link>
    ),
  }),
  column.accessor("email", { header: "Email" }),
  column.accessor("accountName", { id: "account", header: "Account" }),
  column.accessor("role", { header: "Role", cell: ({ getValue }) => <span className="capitalize">{getValue()}</span> }),
  column.accessor("active", {
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => <ActiveBadge active={row.original.active} pendingPassword={row.original.mustChangePassword} />,
  }),
  column.accessor("createdAt", { id: "created", header: "Created", cell: ({ getValue }) => formatDate(getValue()) }),
];

export function UsersDataTable({ initial, source }: { initial: LoadedRows<NumberedPage<UserRow>>; source: string }) {
  return (
    <PagedTable
      initial={initial}
      source={source}
      columns={columns}
      rowId={(row) => row.id}
      caption="Users"
      emptyMessage="No users match."
    />
  );
}
