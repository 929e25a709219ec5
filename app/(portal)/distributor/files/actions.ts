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

export const rejectUsageFileAction = formAction(
  fileTarget.extend(rejectUsageFileInput.shape),
  (actor, { usageFileId, ...input }) => rejectUsageFile(actor, usageFileId, input),
  done("Rejected: the vendor sees your note."),
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
