"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";

export interface ProductRow {
  id: string;
  name: string;
  vendorName: string;
  usageSchema: string;
  currency: string;
  items: number;
}

const column = createColumnHelper<ProductRow>();

const columns = [
  column.accessor("name", {
    header: "Product",
    cell: ({ row }) => (
      <>
        <Link href={`/admin/products/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">{row.original.id}</div>
      </>
    ),
  }),
  column.accessor("vendorName", { header: "Vendor" }),
  column.accessor("usageSchema", { header: "Schema" }),
  column.accessor("currency", { header: "Currency" }),
  column.accessor("items", {
    header: "Items",
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
];

export function ProductsTable({ rows }: { rows: ProductRow[] }) {
  return (
    <DataTable
      caption="Products"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      emptyMessage="No products yet."
    />
  );
}
