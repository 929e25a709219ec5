"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FormAction } from "@/lib/server/form-action";
import { BillingFields } from "./close-records-dialogs";

/** Corrects the billing reference a closed record was closed under; the server keeps the old and new values. */
export function EditBillingDialog({
  action,
  usageFileId,
  record,
}: {
  action: FormAction;
  usageFileId: string;
  record: { publicId: string; externalBillingId: string | null; externalBillingNote: string | null };
}) {
  return (
    <ConfirmDialog
      action={action}
      hidden={{ usageFileId, recordId: record.publicId }}
      trigger="Edit"
      triggerVariant="secondary"
      title={`Billing reference of ${record.publicId}`}
      description="Correct the external billing id or note this record was closed under. The file's history keeps the old and the new values."
      confirmLabel="Save billing reference"
    >
      <BillingFields current={{ id: record.externalBillingId, note: record.externalBillingNote }} />
    </ConfirmDialog>
  );
}
