"use client";

import { TextArea } from "@/components/ui/form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormAction } from "@/lib/server/form-action";

/** A row action: a comment on one record, posted to the file's conversation. */
export function CommentRecordDialog({
  action,
  usageFileId,
  record,
  maxLength,
}: {
  action: FormAction;
  usageFileId: string;
  record: { publicId: string; recordId: string };
  maxLength: number;
}) {
  return (
    <ConfirmDialog
      action={action}
      hidden={{ usageFileId, recordId: record.publicId }}
      trigger="Comment"
      triggerVariant="secondary"
      title={`Comment on record ${record.recordId}`}
      description="Your comment joins the file's conversation, linked to this record; the other party is notified."
      confirmLabel="Post comment"
    >
      {(state) => (
        <label className="block text-sm font-medium text-slate-800">
          Comment
          <TextArea name="text" rows={4} maxLength={maxLength} required invalid={Boolean(state.fields?.text)} />
          {state.fields?.text && (
            <span className="mt-1 block text-xs font-normal text-red-700">{state.fields.text}</span>
          )}
        </label>
      )}
    </ConfirmDialog>
  );
}
