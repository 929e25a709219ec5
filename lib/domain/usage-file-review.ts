import { z } from "zod";
import { disputedRecordsInput } from "./usage-disputes";

/** What an acceptance says when the reviewer leaves the prefilled note as it is (SPEC §2: default text allowed). */
export const defaultAcceptanceNote = "Usage accepted for billing.";

const noteText = z.string().trim().max(2000, "Keep the note under 2,000 characters.");

export const acceptUsageFileInput = z.object({
  acceptanceNote: noteText.optional().transform((note) => note || defaultAcceptanceNote),
});

export const rejectUsageFileInput = z.object({
  rejectionNote: noteText.min(1, "Say why the file is rejected: the vendor reads this to correct it."),
  /** Records of the file the reviewer disputes, each with its reason (issue 21). */
  disputedRecords: disputedRecordsInput.optional(),
});

const externalBillingId = z
  .string()
  .trim()
  .min(1, "Enter the external billing id.")
  .max(200, "Keep the billing id under 200 characters.");
const externalBillingNote = z.string().trim().max(2000, "Keep the note under 2,000 characters.").default("");

/** One external billing reference: what closes records (SPEC §3). */
export const billingReferenceInput = z.object({ externalBillingId, externalBillingNote });
export type BillingReference = z.infer<typeof billingReferenceInput>;

/** A closed record's billing reference corrected by its distributor: a new billing id, note, or both. */
export const recordBillingEditInput = z
  .object({
    externalBillingId: externalBillingId.optional(),
    externalBillingNote: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  })
  .refine((edit) => edit.externalBillingId !== undefined || edit.externalBillingNote !== undefined, {
    message: "Give a new external billing id or note.",
  });
export type RecordBillingEdit = z.infer<typeof recordBillingEditInput>;

/**
 * Closing a file: with no reference every record must already be closed; with one, it closes every
 * remaining record at once.
 */
export const closeUsageFileInput = z.object({
  externalBillingId: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((id) => id || undefined),
  externalBillingNote,
});

const recordIds = z
  .array(z.string().trim().min(1))
  .min(1, "Give at least one record id.")
  .max(10_000, "Close at most 10,000 records at once.");

/** Records are named by their public id (`UR-…`) everywhere outside the database: `ids` in the API. */
export const closeRecordsInput = billingReferenceInput.extend({ ids: recordIds });

/** The same from a form: record ids typed or pasted, separated by spaces, commas or lines. */
export const closeRecordsForm = billingReferenceInput.extend({
  recordIds: z
    .string()
    .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
    .pipe(recordIds),
});

/** Closing records, of one file or several, each with its own billing reference; answered record by record. */
export const closeUsageRecordsByIdInput = z.object({
  records: z
    .array(billingReferenceInput.extend({ id: z.string().trim().min(1).describe("The record's public id, UR-…") }))
    .min(1, "List at least one record.")
    .max(10_000, "Close at most 10,000 records at once."),
});
