"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
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
import { sortFromParam, sortToParam } from "@/lib/table-url";
import { useUrlState } from "./use-url-state";

export interface DataTableProps<Row> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's columns mix value types
  columns: ColumnDef<Row, any>[];
  rows: Row[];
  /** The server's sort; without it the table is shown in the server's order and cannot be re-sorted. */
  sort?: { column: string; desc: boolean };
  rowId: (row: Row) => string;
  emptyMessage: string;
  /** What the table is, for people who cannot see it (a caption read before the rows). */
  caption: string;
  rowClassName?: (row: Row) => string;
  /** Offer a "Columns" menu to hide and show columns; the choice is `hide` in the URL. */
  columnChooser?: boolean;
  /** Columns hidden until the viewer shows them. */
  defaultHidden?: string[];
  /** Rows the viewer can tick, for an action on several at once; the state is the caller's. */
  selection?: RowSelection<Row>;
  /** The rows shown are about to be replaced: they are dimmed, and the table says it is busy. */
  pending?: boolean;
}

export interface RowSelection<Row> {
  state: RowSelectionState;
  onChange: (state: RowSelectionState) => void;
  canSelect: (row: Row) => boolean;
  /** The accessible name of a row's checkbox, and of the one that ticks every row. */
  label: (row: Row) => string;
  allLabel: string;
}

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/** `hide` absent is the table's default; `none` is "show every column". */
function hiddenColumns(param: string | null, defaultHidden: string[]): string[] {
  if (param === null) return defaultHidden;
  return param.split(",").filter((id) => id && id !== "none");
}

const selectColumnId = "select";

function selectColumn<Row>(selection: RowSelection<Row>): ColumnDef<Row> {
  return {
    id: selectColumnId,
    enableHiding: false,
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={selection.allLabel}
        checked={table.getIsAllRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) =>
      row.getCanSelect() ? (
        <input
          type="checkbox"
          aria-label={selection.label(row.original)}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ) : null,
  };
}

/**
 * The first column (the row's name: row number, file, user) stays in view while the table scrolls
 * sideways inside its card; with a selection, the checkbox column before it too.
 */
function stickyClass(index: number, selecting: boolean): string {
  if (selecting && index === 0) return "sticky left-0 z-10 w-10 min-w-10 bg-inherit";
  if (index === (selecting ? 1 : 0)) return `sticky z-10 bg-inherit ${selecting ? "left-10" : "left-0"}`;
  return "";
}

/**
 * A table whose rows were already paged, sorted and filtered by the server: header clicks and
 * column choices only change the URL, and the table's owner fetches the new rows.
 */
export function DataTable<Row>({
  columns,
  rows,
  sort,
  rowId,
  emptyMessage,
  caption,
  rowClassName,
  columnChooser = false,
  defaultHidden = [],
  selection,
  pending = false,
}: DataTableProps<Row>) {
  const { params, update } = useUrlState();
  // The URL's sort as soon as it changes (the rows may still be on their way), else the server's.
  const shownSort = sort && (sortFromParam(params.get("sort")) ?? sort);
  const sorting: SortingState = shownSort ? [{ id: shownSort.column, desc: shownSort.desc }] : [];
  const hidden = hiddenColumns(params.get("hide"), defaultHidden);
  const columnVisibility: VisibilityState = Object.fromEntries(hidden.map((id) => [id, false]));

  const table = useReactTable({
    data: rows,
    columns: selection ? [selectColumn(selection), ...columns] : columns,
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
      const isDefault = hide.length === defaultHidden.length && hide.every((id) => defaultHidden.includes(id));
      update({ hide: isDefault ? null : hide.join(",") || "none" }, { keepPosition: true, replace: true });
    },
  });
  const selecting = Boolean(selection);

  return (
    <div>
      {columnChooser && <ColumnChooser columns={table.getAllLeafColumns().filter((column) => column.getCanHide())} />}
      <div
        className={`relative overflow-x-auto transition-opacity ${pending ? "opacity-50" : ""}`}
        aria-busy={pending}
        // A region that scrolls must be reachable by keyboard.
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="bg-white">
                {group.headers.map((header, index) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`whitespace-nowrap py-2 pr-4 font-medium ${stickyClass(index, selecting)}`}
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
              <tr key={row.id} className={rowClassName?.(row.original) || "bg-white"}>
                {row.getVisibleCells().map((cell, index) => (
                  <td key={cell.id} className={`py-2 pr-4 align-top ${stickyClass(index, selecting)}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="py-10 text-center text-sm text-slate-500">{emptyMessage}</p>}
      </div>
    </div>
  );
}

function columnLabel<Row>(column: Column<Row, unknown>): string {
  return typeof column.columnDef.header === "string" ? column.columnDef.header : column.id;
}

/** The columns menu: a Radix dropdown of checkbox items, which keeps focus and arrow keys right. */
function ColumnChooser<Row>({ columns }: { columns: Column<Row, unknown>[] }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="mb-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
        Columns
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs font-medium uppercase text-slate-500">
            Visible columns
          </DropdownMenu.Label>
          {columns.map((column) => (
            <DropdownMenu.CheckboxItem
              key={column.id}
              checked={column.getIsVisible()}
              onCheckedChange={(visible) => column.toggleVisibility(visible)}
              // Ticking a column keeps the menu open, to tick the next.
              onSelect={(event) => event.preventDefault()}
              className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100"
            >
              <span aria-hidden className="w-4 text-brand-700">
                {column.getIsVisible() ? "✓" : ""}
              </span>
              {columnLabel(column)}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
