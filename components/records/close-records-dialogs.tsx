"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextInput } from "@/components/ui/form";
import type { FormAction } from "@/lib/server/form-action";

/** The billing reference's fields, empty or with the reference a closed record has. */
export function BillingFields({ current }: { current?: { id: string | null; note: string | null } }) {
  return (
    <>
      <Field label="External billing id">
        <TextInput name="externalBillingId" required maxLength={200} defaultValue={current?.id ?? undefined} />
      </Field>
      <Field label="Billing note">
        <TextInput name="externalBillingNote" maxLength={2000} defaultValue={current?.note ?? undefined} />
      </Field>
    </>
  );
}

/** Closes one accepted record with the billing id it was invoiced under. */
export function CloseRecordDialog({
  action,
  usageFileId,
  recordId,
}: {
  action: FormAction;
  usageFileId: string;
  recordId: string;
}) {
  return (
    <ConfirmDialog
      action={action}
      hidden={{ usageFileId, recordIds: recordId }}
      trigger="Close"
      triggerVariant="secondary"
      title={`Close record ${recordId}`}
      description="Record the external billing reference it was invoiced under. A closed record cannot be reopened."
      confirmLabel="Close record"
    >
      <BillingFields />
    </ConfirmDialog>
  );
}

/** Closes the ticked records under one billing reference. */
export function CloseSelectedDialog({
  action,
  usageFileId,
  recordIds,
}: {
  action: FormAction;
  usageFileId: string;
  recordIds: string[];
}) {
  if (recordIds.length === 0) return null;
  return (
    <ConfirmDialog
      action={action}
      hidden={{ usageFileId, recordIds: recordIds.join(",") }}
      trigger={`Close selected (${recordIds.length})`}
      title={`Close ${recordIds.length} selected record${recordIds.length === 1 ? "" : "s"}`}
      description="They close under one external billing reference. Closed records cannot be reopened."
      confirmLabel="Close records"
    >
      <BillingFields />
    </ConfirmDialog>
  );
}
