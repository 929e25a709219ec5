import { z } from "zod";
import { usageFileIdPattern } from "./ids";
import { billableStatuses } from "./usage-aggregates";
import { createUsageFileInput, description, externalId } from "./usage-file-input";
import type { UsageFileStatus } from "./usage-file-status";

/**
 * Amendments (issue 21): an Accepted or Closed file is never edited. An amendment is a usage file
 * of its own, in the same template, whose rows are matched to the original's records by
 * `record_id`: a row naming a billed record replaces it (a row with quantity 0, and amount 0 where
 * it has one, cancels it), any other row adds a record. Accepted, it writes a reversal (the amended
 * record negated) for each replaced or cancelled record, so that the original plus its amendments
 * sum to what should have been billed, and no billed record or billing id ever changes.
 */

/** Why `file` cannot be amended, or null when it can. */
export function amendmentRefusal(file: { status: UsageFileStatus; amends: string | null }): string | null {
  if (file.amends !== null) return `Amend the original file ${file.amends}: an amendment is not amended itself.`;
  // Only billable files are amended.
  if (!billableStatuses.some((status) => status === file.status))
    return "Only an Accepted or Closed file is amended; until then, upload a corrected spreadsheet instead.";
  return null;
}

/** What the vendor gives to open an amendment; the rest (product, contract, period, currency) is the original's. */
export const amendUsageFileInput = z.object({
  amends: z.string().trim().regex(usageFileIdPattern, "Name the file to amend by its id, UF-…."),
  name: z.string().trim().max(200, "Keep the name under 200 characters.").optional(),
  description: description.default(""),
  externalId: externalId.default(null),
});
export type AmendUsageFileInput = z.output<typeof amendUsageFileInput>;

/** The API's body for a new file: an amendment when it names `amends`, else a file of its own. */
export const newUsageFileInput = z.union([amendUsageFileInput, createUsageFileInput]);

export function isAmendment(input: z.output<typeof newUsageFileInput>): input is AmendUsageFileInput {
  return "amends" in input;
}

/** The name of the `ordinal`-th amendment of a file (1-based), when the vendor gives none. */
export function amendmentName(originalName: string, ordinal: number): string {
  return `${originalName} — amendment ${ordinal}`.slice(0, 200);
}

/** What a record of an amendment does to the original's records. */
export const amendmentRoles = ["replacement", "cancellation", "addition", "reversal"] as const;
export type AmendmentRole = (typeof amendmentRoles)[number];

export const amendmentRoleLabels: Record<AmendmentRole, string> = {
  replacement: "Replaces",
  cancellation: "Cancels",
  addition: "Adds",
  reversal: "Reverses",
};

function isZero(value: string | null): boolean {
  return value === null || Number(value) === 0;
}

/** A row with nothing to bill: naming a billed record, it cancels it. */
export function billsNothing(record: { quantity: string | null; amount: string | null }): boolean {
  return isZero(record.quantity) && isZero(record.amount);
}

/** The role of a valid record of an amendment; null for a record of a file that amends nothing. */
export function amendmentRoleOf(
  file: { amends: string | null },
  record: { reversal: boolean; amendsRecordId: number | null; quantity: string | null; amount: string | null },
): AmendmentRole | null {
  if (file.amends === null) return null;
  if (record.reversal) return "reversal";
  if (record.amendsRecordId === null) return "addition";
  return billsNothing(record) ? "cancellation" : "replacement";
}
