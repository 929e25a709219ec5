"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import { sortToParam } from "@/lib/domain/table-query";
import { useUrlState } from "./use-url-state";

export interface DataTableProps<Row> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's columns mix value types
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  /** The server's sort; without it the table is shown in the server's order and cannot be re-sorted. */
  sort?: { column: string; desc: boolean };
  rowId: (row: Row) => string;
  emptyMessage: string;
  /** Column ids hidden by the viewer (`hide` in the URL). */
  hidden?: string[];
  rowClassName?: (row: Row) => string;
  /** Offer a "Columns" menu to hide and show columns. */
  columnChooser?: boolean;
  /** Rows the viewer can tick, for an action on several at once; the state is the caller's. */
  selection?: RowSelection<Row>;
}

export interface RowSelection<Row> {
  state: RowSelectionState;
  onChange: (state: RowSelectionState) => void;
  canSelect: (row: Row) => boolean;
}

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/**
 * A table whose rows were already paged, sorted and filtered by the server: header clicks and
 * column choices only change the URL, and the page renders the new rows.
 */
export function DataTable<Row>({
  columns,
  rows,
  sort,
  rowId,
  emptyMessage,
  hidden = [],
  rowClassName,
  columnChooser = false,
  selection,
}: DataTableProps<Row>) {
  const { update, pending } = useUrlState();
  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.desc }] : [];
  const columnVisibility: VisibilityState = Object.fromEntries(hidden.map((id) => [id, false]));

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableSorting: Boolean(sort),
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, columnVisibility, rowSelection: selection?.state ?? {} },
    enableRowSelection: selection ? (row) => selection.canSelect(row.original) : false,
    onRowSelectionChange: (updater) => selection?.onChange(apply(updater, selection.state)),
    onSortingChange: (updater) => {
      const [next] = apply(updater, sorting);
      if (next) update({ sort: sortToParam({ column: next.id, desc: next.desc }) });
    },
    onColumnVisibilityChange: (updater) => {
      const next = apply(updater, columnVisibility);
      const hide = Object.entries(next).flatMap(([id, visible]) => (visible ? [] : [id]));
      update({ hide: hide.join(",") || null }, { keepPosition: true, replace: true });
    },
  });

  return (
    <div className={`overflow-x-auto transition-opacity ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
      {columnChooser && <ColumnChooser columns={table.getAllLeafColumns().filter((column) => column.getCanHide())} />}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="whitespace-nowrap py-2 pr-4 font-medium"
                    aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original) ?? ""}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="py-2 pr-4 align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="py-10 text-center text-sm text-slate-500">{emptyMessage}</p>}
    </div>
  );
}

function ColumnChooser<Row>({ columns }: { columns: Column<Row, unknown>[] }) {
  return (
    <details className="relative mb-2 inline-block text-sm">
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
        Columns
      </summary>
      <fieldset className="absolute z-10 mt-1 w-48 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2">
            <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
            {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
