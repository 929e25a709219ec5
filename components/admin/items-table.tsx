"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import type { Item } from "@/db/schema";

const column = createColumnHelper<Item>();

const columns = [
  column.accessor("id", {
    header: "Item",
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span>,
  }),
  column.accessor("mpn", { header: "MPN" }),
  column.accessor("localId", { header: "Local id" }),
  column.accessor("name", { header: "Name" }),
  column.accessor("unit", { header: "Unit" }),
  column.accessor("precision", { header: "Precision" }),
  column.accessor("type", { header: "Type" }),
];

export function ItemsTable({ rows }: { rows: Item[] }) {
  return (
    <DataTable
      caption="Items"
      columns={columns}
      rows={rows}
      rowId={(row) => row.id}
      emptyMessage="No items yet: add the first one."
    />
  );
}
