/**
 * How a table's state is written into its URL, shared by the browser's tables and the server
 * pages that read it back. No domain rule lives here (which values a parameter may take is parsed
 * in `lib/domain`), so client components can use it.
 */

/** Params that locate a page of rows: dropped whenever what the rows are (filters, sort) changes. */
const positionParams = ["page", "after", "before", "at", "last"];

/** Params that only change how rows are shown, never which rows: no new fetch for them. */
const viewParams = ["hide"];

/** `sortToParam({ column: "name", desc: true })` is `-name`, as `sortParam` in `lib/domain/table-query` reads it. */
export function sortToParam(sort: { column: string; desc: boolean }): string {
  return `${sort.desc ? "-" : ""}${sort.column}`;
}

/** `-name` is `{ column: "name", desc: true }`: what the URL asks, before the server has checked the column. */
export function sortFromParam(param: string | null): { column: string; desc: boolean } | null {
  if (!param) return null;
  const desc = param.startsWith("-");
  return { column: desc ? param.slice(1) : param, desc };
}

/**
 * The query string after `patch` (a null or empty value removes the param). A change of anything
 * but the position starts again from the first page, unless `keepPosition`.
 */
export function patchedQuery(
  current: URLSearchParams,
  patch: Record<string, string | null>,
  { keepPosition = false } = {},
): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!keepPosition) for (const key of positionParams) if (!(key in patch)) next.delete(key);
  return next.toString();
}

/**
 * The params that decide which rows a table shows, in a fixed order: two URLs that differ only in
 * the order of their params, or in how rows are shown, ask for the same rows.
 */
export function rowsQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): string {
  const entries =
    params instanceof URLSearchParams
      ? [...params]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined ? [] : [[key, Array.isArray(value) ? (value[0] ?? "") : value] as [string, string]],
        );
  const seen = new Set<string>();
  const kept = entries.filter(([key, value]) => {
    if (viewParams.includes(key) || !value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return new URLSearchParams(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
}

/** The params of a rows query, first value of each, as the zod parsers of table states read them. */
export function queryValues(query: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query));
}
