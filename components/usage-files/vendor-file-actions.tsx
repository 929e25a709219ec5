"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { UsageFileAction } from "@/lib/domain/usage-file-status";
import type { FormAction } from "@/lib/server/form-action";

/**
 * The vendor's buttons for what the file's status allows, and "Amend" for a billed file that may be
 * amended (`amendAction`); each asks before it acts.
 */
export function VendorFileActions({
  usageFileId,
  allowed,
  submitAction,
  deleteAction,
  amendAction,
}: {
  usageFileId: string;
  allowed: UsageFileAction[];
  submitAction: FormAction;
  deleteAction: FormAction;
  amendAction: FormAction | null;
}) {
  const hidden = { usageFileId };
  return (
    <>
      {amendAction && (
        <ConfirmDialog
          action={amendAction}
          hidden={hidden}
          trigger="Amend"
          title="Open an amendment of this file?"
          description="An amendment is a new file of the same product, contract and period. Upload the rows to change: a row with a billed record_id replaces it (quantity 0 cancels it), any other row adds a record. Once the distributor accepts it, each replaced record is reversed; billed records never change."
          confirmLabel="Open amendment"
          triggerVariant="secondary"
        />
      )}
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
