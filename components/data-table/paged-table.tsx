"use client";

import { DataTable, type DataTableProps } from "./data-table";
import { LoadFailed } from "./load-failed";
import { Pager, type PagerMoves } from "./pager";
import { useServerRows, type LoadedRows } from "./use-server-rows";

/** A page of a list paged by number, as the server answers it. */
export interface NumberedPage<Row> {
  rows: Row[];
  total: number;
  page: number;
  size: number;
  /** The page sizes the server takes. */
  sizes: readonly number[];
  sort: { column: string; desc: boolean };
}

function numberedMoves({ page, size, total }: { page: number; size: number; total: number }): PagerMoves {
  const pages = Math.max(1, Math.ceil(total / size));
  const to = (target: number) => ({ page: target > 1 ? String(target) : null });
  return {
    first: page > 1 ? to(1) : undefined,
    previous: page > 1 ? to(page - 1) : undefined,
    next: page < pages ? to(page + 1) : undefined,
    last: page < pages ? to(pages) : undefined,
  };
}

/** A list paged by number whose sort, filters and pages fetch only its rows (from `source`), the rest of the page staying. */
export function PagedTable<Row>({
  initial,
  source,
  ...table
}: {
  initial: LoadedRows<NumberedPage<Row>>;
  /** Where its rows come from: a `/rows/<table>` route. */
  source: string;
} & Omit<DataTableProps<Row>, "rows" | "sort" | "pending">) {
  const { page, pending, failed, retry } = useServerRows(initial, source);
  const counts = {
    start: (page.page - 1) * page.size + 1,
    shown: page.rows.length,
    total: page.total,
    totalIsLowerBound: false,
  };
  return (
    <>
      <DataTable {...table} rows={page.rows} sort={page.sort} pending={pending} />
      {failed && <LoadFailed retry={retry} />}
      <Pager counts={counts} moves={numberedMoves(page)} size={page.size} sizes={page.sizes} />
    </>
  );
}
