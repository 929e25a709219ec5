import { z } from "zod";

/** Per-item totals of a file's records, computed once when the file is processed. */
export const itemTotalsSchema = z.object({
  itemId: z.string(),
  records: z.number().int(),
  /** Exact decimal text: quantities never pass through a float. */
  quantity: z.string(),
  amount: z.string().nullable(),
});

/** A file's counts, stored on the file so pages never aggregate a million records on request. */
export const usageFileStatsSchema = z.object({
  records: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  byItem: z.array(itemTotalsSchema),
});
export type UsageFileStats = z.infer<typeof usageFileStatsSchema>;
