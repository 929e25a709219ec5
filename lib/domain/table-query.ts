import { z } from "zod";

/**
 * A table's state as it travels in the URL (`?page=2&size=25&sort=-period&q=…`), parsed on the
 * server. Junk in a shared or hand-edited URL falls back to the defaults instead of failing.
 */
export const pageSizes = [10, 25, 50, 100] as const;
export const defaultPageSize = 25;

export interface Sort<Column extends string> {
  column: Column;
  desc: boolean;
}

/** `sort=name` ascending, `sort=-name` descending, over the given sortable columns. */
export function sortParam<Column extends string>(columns: readonly [Column, ...Column[]], fallback: Sort<Column>) {
  return z
    .string()
    .optional()
    .transform((value): Sort<Column> => {
      if (!value) return fallback;
      const desc = value.startsWith("-");
      const column = (desc ? value.slice(1) : value) as Column;
      return columns.includes(column) ? { column, desc } : fallback;
    })
    .catch(fallback);
}

export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export const pageSizeParam = z.coerce
  .number()
  .refine((size) => (pageSizes as readonly number[]).includes(size))
  .catch(defaultPageSize);

/** An optional filter value; an empty string is "no filter". */
export const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined)
  .catch(undefined);

/** An optional value from a fixed list; anything else is "no filter". */
export function optionalChoice<Value extends string>(values: readonly [Value, ...Value[]]) {
  return z.enum(values).optional().catch(undefined);
}

/** Search params as Next.js hands them to a page, flattened to their first values. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat[key] = first;
  }
  return flat;
}
