"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { UsageFileAction } from "@/lib/domain/usage-file-status";
import type { FormAction } from "@/lib/server/form-action";

/** The vendor's buttons for what the file's status allows; each asks before it acts. */
export function VendorFileActions({
  usageFileId,
  allowed,
  submitAction,
  deleteAction,
}: {
  usageFileId: string;
  allowed: UsageFileAction[];
  submitAction: FormAction;
  deleteAction: FormAction;
}) {
  const hidden = { usageFileId };
  return (
    <>
      {allowed.includes("submit") && (
        <ConfirmDialog
          action={submitAction}
          hidden={hidden}
          trigger="Submit for review"
          title="Submit this usage file?"
          description="The distributor will review its records and accept or reject it. You cannot change it while it is under review."
          confirmLabel="Submit"
        />
      )}
      {allowed.includes("delete") && (
        <ConfirmDialog
          action={deleteAction}
          hidden={hidden}
          trigger="Delete"
          title="Delete this usage file?"
          description="It disappears from your lists and cannot be submitted any more. It stays in the audit history."
          confirmLabel="Delete"
          variant="danger"
          triggerVariant="secondary"
        />
      )}
    </>
  );
}
