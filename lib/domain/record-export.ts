import { z } from "zod";

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatParam = z.enum(exportFormats, { error: "Ask for format=csv or format=xlsx." }).default("csv");

/** A billing period: `YYYY-MM`, for files whose period starts in that month. */
export const periodMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the period as YYYY-MM.");

/** A month the caller must give, refused with the same words when missing as when malformed. */
export const requiredPeriodMonth = z.string({ error: "Give the period as YYYY-MM." }).pipe(periodMonth);

/** The billing export across files: every accepted (or closed) record the distributor may see, narrowed by these. */
export const recordExportQuery = z.object({
  format: exportFormatParam,
  vendor: z.string().trim().min(1).optional(),
  product: z.string().trim().min(1).optional(),
  period: periodMonth.optional(),
  /** Only files still open for billing (Accepted), or only closed ones. */
  fileStatus: z.enum(["accepted", "closed"]).optional(),
});
export type RecordExportQuery = z.output<typeof recordExportQuery>;

/** One file's billing export: `amendments=true` adds the records of its Accepted and Closed amendments. */
export const fileExportQuery = z.object({
  format: exportFormatParam,
  amendments: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .meta({
      description: "`true`: with the records of the file's Accepted and Closed amendments (reversals included)",
    }),
});

export type FileExportQuery = z.output<typeof fileExportQuery>;

/** Records are billed once accepted: only Accepted and Closed files are exported. */
export const exportableStatuses = ["accepted", "closed"] as const;
