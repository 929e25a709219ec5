"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/** Params that locate a page of rows: dropped whenever what the rows are (filters, sort) changes. */
const positionParams = ["page", "after", "before"];

/**
 * A table's state lives in the URL, so a view can be shared and survives a reload; the server
 * component reads it back and renders the rows. `update` patches the query string (null removes)
 * in a new history entry, so that Back undoes the last sort, filter or page; `replace` is for
 * changes not worth a step back, such as the columns shown.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (patch: Record<string, string | null>, { keepPosition = false, replace = false } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!keepPosition) for (const key of positionParams) if (!(key in patch)) next.delete(key);
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => (replace ? router.replace : router.push)(href, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  return { params: searchParams, update, pending };
}
