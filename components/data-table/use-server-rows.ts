"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { parseTableJson } from "@/lib/table-json";
import { rowsQuery } from "@/lib/table-url";

/** One page of a table as the server answers it for a rows query (see `rowsQuery`). */
export interface LoadedRows<Page> {
  query: string;
  page: Page;
}

/** GET `source` with the rows query appended: the table's page as `tableJson`, or 404 when the object behind it is gone. */
async function fetchRows<Page>(source: string, query: string, signal: AbortSignal): Promise<Page | null> {
  const separator = source.includes("?") ? "&" : "?";
  const response = await fetch(query ? `${source}${separator}${query}` : source, { signal, cache: "no-store" });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseTableJson<Page>(await response.text());
}

/**
 * The rows of a server-paged table for the URL's current state. The server page renders the first
 * rows; after that, a change of sort, filter or page fetches only this table's rows from `source`
 * (a route handler over the same query), while the rest of the page stays. Until they arrive the
 * previous rows stay on screen (`pending`), and a request overtaken by a newer one is aborted. A
 * new render of the page by the server (after an action) brings new `initial` rows, which win.
 */
export function useServerRows<Page>(initial: LoadedRows<Page>, source: string) {
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
    const request = new AbortController();
    fetchRows<Page>(source, query, request.signal).then(
      (page) => {
        if (page === null) router.refresh();
        else setLoaded({ query, page });
      },
      () => !request.signal.aborted && setFailed(query),
    );
    return () => request.abort();
  }, [query, loaded.query, source, router, attempt]);

  const stale = query !== loaded.query;
  const retry = () => {
    setFailed(null);
    setAttempt((count) => count + 1);
  };
  return {
    page: loaded.page,
    /** The rows query of the rows on screen (a page can mark itself with it: the grid-ui benchmark waits on it). */
    shownQuery: loaded.query,
    pending: stale && failed !== query,
    failed: stale && failed === query,
    retry,
  };
}
