"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextArea } from "@/components/ui/form";
import type { FormAction } from "@/lib/server/form-action";

/** Accept (note prefilled, editable) or reject (note required) a Pending file, each behind a confirmation. */
export function ReviewDecision({
  usageFileId,
  defaultAcceptanceNote,
  accept,
  reject,
}: {
  usageFileId: string;
  /** The note an acceptance carries unless the reviewer writes another (`defaultAcceptanceNote`). */
  defaultAcceptanceNote: string;
  accept: FormAction;
  reject: FormAction;
}) {
  const hidden = { usageFileId };
  return (
    <div className="flex flex-wrap gap-3">
      <ConfirmDialog
        action={accept}
        hidden={hidden}
        trigger="Accept"
        title="Accept this usage file?"
        description="Its records become Accepted and can be billed. The vendor sees your note."
        confirmLabel="Accept file"
      >
        <Field label="Acceptance note">
          <TextArea name="acceptanceNote" defaultValue={defaultAcceptanceNote} maxLength={2000} />
        </Field>
      </ConfirmDialog>
      <ConfirmDialog
        action={reject}
        hidden={hidden}
        trigger="Reject"
        title="Reject this usage file?"
        description="The vendor gets it back to correct and upload again, with your note."
        confirmLabel="Reject file"
        variant="danger"
        triggerVariant="secondary"
      >
        <Field label="Rejection note" hint="Say what is wrong, so the vendor can correct it.">
          <TextArea name="rejectionNote" required maxLength={2000} />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
