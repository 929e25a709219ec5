import type { ReactNode } from "react";

export interface SimpleColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** Extra classes for the column's cells, such as `font-mono`. */
  className?: string;
}

/**
 * A small read-only table of rows the page already has (totals, short lists): no paging, sorting
 * or filtering. Tables of many rows use the server-driven DataTable instead.
 */
export function SimpleTable<Row>({
  columns,
  rows,
  rowKey,
  stickyHeader = false,
}: {
  columns: SimpleColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  stickyHeader?: boolean;
}) {
  const align = (column: SimpleColumn<Row>) => (column.numeric ? "text-right tabular-nums" : "");
  return (
    // Wide tables scroll inside their card rather than widening the page.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead
          className={`border-b border-slate-200 text-xs uppercase text-slate-500 ${stickyHeader ? "sticky top-0 bg-white" : ""}`}
        >
          <tr>
            {columns.map((column, index) => (
              <th key={index} className={`py-2 pr-4 font-medium ${align(column)}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => (
                <td key={index} className={`py-2 pr-4 ${align(column)} ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
