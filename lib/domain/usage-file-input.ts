import { z } from "zod";

const dayMs = 86_400_000;

/** A usage period is half-open in UTC: [from, to). */
export interface UsagePeriod {
  from: Date;
  to: Date;
}

/** The calendar month `YYYY-MM` (UTC) as a period: its first day up to the next month's first. */
export function monthPeriod(month: string): UsagePeriod {
  const from = new Date(`${month}-01T00:00:00Z`);
  return { from, to: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) };
}

/** The default period of a new file: the last full calendar month. */
export function lastFullMonth(now: Date): UsagePeriod {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  return { from, to };
}

/** The period as people enter it: its first and last day, both included. */
export function periodDays(period: UsagePeriod): { firstDay: string; lastDay: string } {
  return {
    firstDay: period.from.toISOString().slice(0, 10),
    lastDay: new Date(period.to.getTime() - dayMs).toISOString().slice(0, 10),
  };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.");

/** The vendor's own reference for a file; empty is none. */
export const externalId = z
  .string()
  .trim()
  .max(200, "Keep the external id under 200 characters.")
  .nullable()
  .transform((id) => id || null);

export const description = z.string().trim().max(2000, "Keep the description under 2,000 characters.");

/** What the vendor fills in to create a usage file (SPEC §2: create). */
export const createUsageFileInput = z
  .object({
    productId: z.string().min(1, "Choose a product."),
    contractId: z.string().min(1, "Choose a contract."),
    name: z.string().trim().min(1, "Give the file a name.").max(200, "Keep the name under 200 characters."),
    description: description.default(""),
    externalId: externalId.default(null),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD."),
    firstDay: day,
    lastDay: day,
  })
  .refine((input) => input.firstDay <= input.lastDay, {
    path: ["lastDay"],
    message: "The last day cannot be before the first.",
  })
  .transform(({ firstDay, lastDay, ...input }) => ({
    ...input,
    period: { from: new Date(`${firstDay}T00:00:00Z`), to: new Date(Date.parse(`${lastDay}T00:00:00Z`) + dayMs) },
  }));
export type CreateUsageFileInput = z.output<typeof createUsageFileInput>;

/**
 * What the vendor may change on an existing file: details until it is submitted, its own reference
 * and internal note always.
 */
export const updateUsageFileInput = z.object({
  name: z.string().trim().min(1, "Give the file a name.").max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  externalId: externalId.optional(),
  internalNote: z.string().trim().max(5000, "Keep the note under 5,000 characters.").optional(),
});
export type UpdateUsageFileInput = z.output<typeof updateUsageFileInput>;
