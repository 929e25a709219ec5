"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordCorrectionInput } from "@/lib/domain/record-correction";
import { createUsageFileInput, updateUsageFileInput } from "@/lib/domain/usage-file-input";
import { commentForm } from "@/lib/domain/usage-comments";
import { formAction } from "@/lib/server/form-action";
import { postUsageFileComment } from "@/lib/server/usage-comments/post-usage-file-comment";
import { amendUsageFile } from "@/lib/server/usage-files/amend-usage-file";
import { correctUsageRecord } from "@/lib/server/usage-files/correct-usage-record";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";
import { deleteUsageFile } from "@/lib/server/usage-files/delete-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { updateUsageFile } from "@/lib/server/usage-files/update-usage-file";

const fileTarget = z.object({ usageFileId: z.string().min(1) });
const filePage = (id: string) => `/vendor/files/${id}`;

export const createUsageFileAction = formAction(createUsageFileInput, createUsageFile, (file) =>
  redirect(filePage(file.id)),
);

export const amendUsageFileAction = formAction(
  fileTarget,
  (actor, { usageFileId }) => amendUsageFile(actor, { amends: usageFileId, description: "", externalId: null }),
  (amendment) => redirect(filePage(amendment.id)),
);

export const submitUsageFileAction = formAction(
  fileTarget,
  (actor, { usageFileId }) => submitUsageFile(actor, usageFileId),
  (file) => {
    revalidatePath(filePage(file.id));
    return { ok: true, message: "Submitted: the distributor can now review it." };
  },
);

export const deleteUsageFileAction = formAction(
  fileTarget,
  (actor, { usageFileId }) => deleteUsageFile(actor, usageFileId),
  () => redirect("/vendor/files"),
);

export const updateInternalNoteAction = formAction(
  fileTarget.extend({ internalNote: updateUsageFileInput.shape.internalNote.unwrap() }),
  (actor, { usageFileId, internalNote }) => updateUsageFile(actor, usageFileId, { internalNote }),
  (file) => {
    revalidatePath(filePage(file.id));
    return { ok: true, message: "Note saved." };
  },
);

export const correctRecordAction = formAction(recordCorrectionInput, correctUsageRecord, (outcome, { usageFileId }) => {
  revalidatePath(filePage(usageFileId));
  return {
    ok: true,
    message: outcome.fileReady ? "Corrected: every record is valid and the file is Ready." : "Corrected.",
  };
});

export const commentOnUsageFileAction = formAction(
  commentForm,
  (actor, { usageFileId, ...comment }) => postUsageFileComment(actor, usageFileId, comment),
  (comment) => {
    revalidatePath(filePage(comment.usageFileId));
    return { ok: true, message: "Comment posted." };
  },
);
