"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  acceptUsageFileInput,
  billingReferenceInput,
  closeRecordsForm,
  closeUsageFileInput,
  rejectUsageFileInput,
} from "@/lib/domain/usage-file-review";
import { commentForm } from "@/lib/domain/usage-comments";
import { formAction, type FormState } from "@/lib/server/form-action";
import { postUsageFileComment } from "@/lib/server/usage-comments/post-usage-file-comment";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { disputedRecordsOfForm, maxDisputedRecords } from "@/lib/domain/usage-disputes";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { matchingRecordIds } from "@/lib/server/queries/usage-records";
import { queryValues } from "@/lib/table-url";
import { describeClosingReport } from "@/lib/domain/record-closing";
import { closeRemainingRecords, closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";
import { updateRecordBilling, type RecordBillingOutcome } from "@/lib/server/usage-records/update-record-billing";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";

const fileTarget = z.object({ usageFileId: z.string().min(1) });

/** Refreshes the file's page and says what happened. */
function done<T>(message: string | ((value: T) => string)) {
  return (value: T, { usageFileId }: { usageFileId: string }): FormState => {
    revalidatePath(`/distributor/files/${usageFileId}`);
    return { ok: true, message: typeof message === "string" ? message : message(value) };
  };
}

export const acceptUsageFileAction = formAction(
  fileTarget.extend(acceptUsageFileInput.shape),
  (actor, { usageFileId, ...input }) => acceptUsageFile(actor, usageFileId, input),
  done("Accepted: its records are ready for billing."),
);

/**
 * The reject dialogs' form: the note, and optionally the disputed records, ticked (`disputed`, UR ids
 * comma-separated) or every one matching the grid's filters (`matching`, its rows query), with
 * `reasonForAll` or a `reason.<UR-…>` each.
 */
const rejectForm = fileTarget
  .extend({
    rejectionNote: z.string(),
    disputed: z.string().optional(),
    matching: z.string().optional(),
    reasonForAll: z.string().default(""),
  })
  .catchall(z.string());

async function disputedIdsOf(actor: Actor, form: z.output<typeof rejectForm>): Promise<Result<string[]>> {
  if (form.matching === undefined) return ok((form.disputed ?? "").split(",").filter(Boolean));
  const filters = usageRecordListQuery.parse(queryValues(form.matching));
  const found = await matchingRecordIds(actor, form.usageFileId, filters, maxDisputedRecords);
  if (!found) return fail("not_found", "Usage file not found.");
  if (found.tooMany) {
    return fail(
      "invalid_input",
      `More than ${maxDisputedRecords.toLocaleString("en-US")} records match: narrow the filters.`,
    );
  }
  return ok(found.ids);
}

export const rejectUsageFileAction = formAction(
  rejectForm,
  async (actor, form) => {
    const ids = await disputedIdsOf(actor, form);
    if (!ids.ok) return ids;
    const reasons = Object.fromEntries(
      Object.entries(form)
        .filter(([name]) => name.startsWith("reason."))
        .map(([name, value]) => [name.slice("reason.".length), String(value)]),
    );
    const input = rejectUsageFileInput.safeParse({
      rejectionNote: form.rejectionNote,
      disputedRecords: disputedRecordsOfForm({ disputed: ids.value, reasonForAll: form.reasonForAll, reasons }),
    });
    if (!input.success) {
      const [issue] = input.error.issues;
      return fail("invalid_input", issue!.message, {
        [issue!.path[0] === "rejectionNote" ? "rejectionNote" : "reasonForAll"]: issue!.message,
      });
    }
    return rejectUsageFile(actor, form.usageFileId, input.data);
  },
  (file, form) =>
    done(
      form.disputed || form.matching
        ? "Rejected: the vendor sees your note and the disputed records first."
        : "Rejected: the vendor sees your note.",
    )(file, form),
);

export const closeRemainingRecordsAction = formAction(
  fileTarget.extend(billingReferenceInput.shape),
  (actor, { usageFileId, ...reference }) => closeRemainingRecords(actor, usageFileId, reference),
  done("Every remaining record is closed with that billing reference."),
);

export const closeUsageFileAction = formAction(
  fileTarget.extend(closeUsageFileInput.shape),
  (actor, { usageFileId, ...input }) => closeUsageFile(actor, usageFileId, input),
  done("The usage file is closed."),
);

export const closeUsageRecordsAction = formAction(
  fileTarget.extend(closeRecordsForm.shape),
  (actor, { usageFileId, recordIds, ...reference }) =>
    closeUsageRecords(
      actor,
      usageFileId,
      recordIds.map((recordId) => ({ recordId, ...reference })),
      "selection",
    ),
  done(describeClosingReport),
);

export const updateRecordBillingAction = formAction(
  fileTarget.extend({ recordId: z.string().min(1), ...billingReferenceInput.shape }),
  (actor, { recordId, ...edit }) => updateRecordBilling(actor, recordId, edit),
  done(({ changes }: RecordBillingOutcome) =>
    Object.keys(changes).length === 0 ? "Nothing changed." : "The billing reference is corrected.",
  ),
);

export const commentOnUsageFileAction = formAction(
  commentForm,
  (actor, { usageFileId, ...comment }) => postUsageFileComment(actor, usageFileId, comment),
  done("Comment posted."),
);
