import { z } from "zod";
import { optionalChoice, optionalText, pageParam, pageSizeParam, sortParam } from "./table-query";
import { usageFileStatuses } from "./usage-file-status";

export const usageFileSortColumns = ["name", "id", "product", "period", "status", "updated"] as const;
export type UsageFileSortColumn = (typeof usageFileSortColumns)[number];

const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);

/** The files list's URL state: paging, sorting, filters and a search by name, id or external id. */
export const usageFileListQuery = z.object({
  page: pageParam,
  size: pageSizeParam,
  sort: sortParam(usageFileSortColumns, { column: "updated", desc: true }),
  q: optionalText,
  status: optionalChoice(usageFileStatuses),
  product: optionalText,
  contract: optionalText,
  /** The vendor's own reference, exactly. */
  externalId: optionalText,
  /** `YYYY-MM`: files whose period starts in that month. */
  period: monthParam,
});
export type UsageFileListQuery = z.output<typeof usageFileListQuery>;
