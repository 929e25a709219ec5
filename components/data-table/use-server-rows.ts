"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { rowsQuery } from "@/lib/table-url";

/** One page of a table as the server answers it for a rows query (see `rowsQuery`). */
export interface LoadedRows<Page> {
  query: string;
  page: Page;
}

/** A server function answering the page for a rows query; null when the object behind the table is gone. */
export type RowsLoader<Page> = (query: string) => Promise<Page | null>;

/**
 * The rows of a server-paged table for the URL's current state. The server page renders the first
 * rows; after that, a change of sort, filter or page fetches only this table's rows from `load`,
 * while the rest of the page stays. Until they arrive the previous rows stay on screen (`pending`),
 * and an answer that comes after a newer request is dropped. A new render of the page by the
 * server (after an action) brings new `initial` rows, which win.
 */
export function useServerRows<Page>(initial: LoadedRows<Page>, load: RowsLoader<Page>) {
  const router = useRouter();
  const query = rowsQuery(useSearchParams());
  const [loaded, setLoaded] = useState(initial);
  const [rendered, setRendered] = useState(initial);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  if (initial !== rendered) {
    setRendered(initial);
    setLoaded(initial);
  }

  useEffect(() => {
    if (query === loaded.query) return;
    let latest = true;
    load(query).then(
      (page) => {
        if (!latest) return;
        if (page === null) router.refresh();
        else setLoaded({ query, page });
      },
      () => latest && setFailed(query),
    );
    return () => {
      latest = false;
    };
  }, [query, loaded.query, load, router, attempt]);

  const stale = query !== loaded.query;
  const retry = () => {
    setFailed(null);
    setAttempt((count) => count + 1);
  };
  return { page: loaded.page, pending: stale && failed !== query, failed: stale && failed === query, retry };
}
