"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextArea, TextInput } from "@/components/ui/form";
import type { FormAction } from "@/lib/server/form-action";

function BillingReferenceFields({ required }: { required: boolean }) {
  return (
    <>
      <Field label="Billing reference" hint={required ? undefined : "Optional: closes every record still open."}>
        <TextInput name="externalBillingId" required={required} maxLength={200} />
      </Field>
      <Field label="Billing note">
        <TextArea name="externalBillingNote" maxLength={2000} />
      </Field>
    </>
  );
}

/** Closing what is left in one step: the remaining records under one billing reference, and the file. */
export function BillingActions({
  usageFileId,
  allRecordsClosed,
  closeRemaining,
  closeFile,
}: {
  usageFileId: string;
  allRecordsClosed: boolean;
  closeRemaining: FormAction;
  closeFile: FormAction;
}) {
  const hidden = { usageFileId };
  return (
    <div className="flex flex-wrap gap-3">
      {!allRecordsClosed && (
        <ConfirmDialog
          action={closeRemaining}
          hidden={hidden}
          trigger="Close remaining records"
          title="Close every remaining record?"
          description="Records without a billing id of their own are closed with this reference. The file stays Accepted."
          confirmLabel="Close records"
          triggerVariant="secondary"
        >
          <BillingReferenceFields required />
        </ConfirmDialog>
      )}
      <ConfirmDialog
        action={closeFile}
        hidden={hidden}
        trigger="Close file"
        title="Close this usage file?"
        description={
          allRecordsClosed
            ? "Every record is closed; the file moves to Closed and cannot change any more."
            : "Records are still open: give a billing reference to close them with the file."
        }
        confirmLabel="Close file"
      >
        {!allRecordsClosed && <BillingReferenceFields required={false} />}
      </ConfirmDialog>
    </div>
  );
}
