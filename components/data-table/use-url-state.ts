"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { patchedQuery } from "@/lib/table-url";

/**
 * A table's state lives in the URL, so a view can be shared and survives a reload. `update`
 * patches the query string (null removes) through the History API, which Next.js's router follows
 * without rendering the page again: the table fetches its own rows (`useServerRows`). Each change
 * is a new history entry, so Back undoes the last sort, filter or page; `replace` is for changes
 * not worth a step back, such as the columns shown.
 */
export function useUrlState() {
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const update = useCallback(
    (patch: Record<string, string | null>, { keepPosition = false, replace = false } = {}) => {
      // The address bar, not the last render's params: two quick changes must both be kept.
      const query = patchedQuery(new URLSearchParams(window.location.search), patch, { keepPosition });
      const href = query ? `${pathname}?${query}` : pathname;
      if (href === `${window.location.pathname}${window.location.search}`) return;
      if (replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
    },
    [pathname],
  );

  return { params: searchParams, update };
}
