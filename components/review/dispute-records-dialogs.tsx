"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextArea, TextInput } from "@/components/ui/form";
import type { FormAction } from "@/lib/server/form-action";

/** The reviewer's rejection with disputed records, from the record grid of a Pending file. */
export interface RecordDisputeActions {
  usageFileId: string;
  /** Rejects the file, disputing `disputed` (UR ids, comma-separated) or every record matching `matching` (a rows query). */
  reject: FormAction;
  /** How many records one rejection may dispute (`maxDisputedRecords`). */
  maxRecords: number;
}

// Past this many ticked records, one reason for all (a reason each would be a long form).
const reasonEachUpTo = 25;

function NoteField() {
  return (
    <Field label="Rejection note" hint="Say what is wrong overall; the vendor reads it with the disputed records.">
      <TextArea name="rejectionNote" required maxLength={2000} />
    </Field>
  );
}

/** Rejects the file disputing the ticked records, with one reason for all or a reason each. */
export function DisputeSelectedDialog({
  dispute,
  records,
}: {
  dispute: RecordDisputeActions;
  /** The ticked records: `UR-…` and the vendor's record_id. */
  records: { id: string; recordId: string }[];
}) {
  const recordIds = records.map((record) => record.id);
  if (recordIds.length === 0) return null;
  const count = `${recordIds.length} selected record${recordIds.length === 1 ? "" : "s"}`;
  return (
    <ConfirmDialog
      action={dispute.reject}
      hidden={{ usageFileId: dispute.usageFileId, disputed: recordIds.join(",") }}
      trigger={`Reject, disputing ${recordIds.length} selected`}
      triggerVariant="secondary"
      title={`Reject this usage file, disputing ${count}?`}
      description="The vendor gets the file back with the disputed records listed first, each with its reason."
      confirmLabel="Reject file"
      variant="danger"
      wide
    >
      {(state) => (
        <div className="space-y-3">
          <NoteField />
          <Field
            label="Reason for every disputed record"
            hint="Used for each record below left empty."
            error={state.fields?.reasonForAll}
          >
            <TextInput name="reasonForAll" maxLength={1000} />
          </Field>
          {recordIds.length <= reasonEachUpTo && (
            <fieldset className="max-h-[40vh] space-y-2 overflow-y-auto pr-1">
              <legend className="mb-1 text-sm font-medium">Or a reason each</legend>
              {records.map((record) => (
                <Field key={record.id} label={`Reason for ${record.recordId} (${record.id})`}>
                  <TextInput name={`reason.${record.id}`} maxLength={1000} />
                </Field>
              ))}
            </fieldset>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}

/** Rejects the file disputing every record the grid's filters match (at most 1,000), with one reason. */
export function DisputeMatchingDialog({
  dispute,
  rowsQuery,
  total,
}: {
  dispute: RecordDisputeActions;
  rowsQuery: string;
  total: string;
}) {
  return (
    <ConfirmDialog
      action={dispute.reject}
      hidden={{ usageFileId: dispute.usageFileId, matching: rowsQuery }}
      trigger={`Reject, disputing all ${total} matching`}
      triggerVariant="secondary"
      title={`Reject this usage file, disputing the ${total} matching records?`}
      description="Every record the grid's filters match is disputed with the reason below."
      confirmLabel="Reject file"
      variant="danger"
    >
      {(state) => (
        <div className="space-y-3">
          <NoteField />
          <Field label="Reason for every disputed record" error={state.fields?.reasonForAll}>
            <TextInput name="reasonForAll" required maxLength={1000} />
          </Field>
        </div>
      )}
    </ConfirmDialog>
  );
}
