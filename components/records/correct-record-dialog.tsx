"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, TextInput } from "@/components/ui/form";
import type { RecordError } from "@/lib/domain/record-errors";
import type { FormAction } from "@/lib/server/form-action";
import type { SheetCellField } from "./record-grid-page";

/**
 * Edits the cells of one invalid record as they were read from the sheet (in sheet order, named
 * for the form by the server); it opens on the first invalid cell. The server checks them by the
 * upload's rules and either saves the record as valid or, saving nothing, marks each cell still
 * wrong (the record's stored errors until the first attempt, then the server's answer).
 */
export function CorrectRecordDialog({
  action,
  usageFileId,
  record,
}: {
  action: FormAction;
  usageFileId: string;
  record: { id: number; rowNumber: number; errors: RecordError[]; cells: SheetCellField[] };
}) {
  const storedMessage = (column: string) =>
    record.errors
      .filter((error) => error.column === column)
      .map((error) => error.message)
      .join(" ");
  return (
    <ConfirmDialog
      action={action}
      hidden={{ usageFileId, recordId: String(record.id) }}
      trigger="Correct"
      triggerVariant="secondary"
      title={`Correct row ${record.rowNumber}`}
      description="Change the cells below; they are checked by the same rules as an upload."
      confirmLabel="Check and save"
    >
      {(state) => (
        <div className="grid max-h-[55vh] gap-3 overflow-y-auto pr-1 sm:grid-cols-2">
          {record.cells.map(({ column, field, value }) => {
            const message = (state.fields ? state.fields[column] : storedMessage(column)) || undefined;
            return (
              <Field key={column} label={column} error={message}>
                <TextInput name={field} defaultValue={value} invalid={message !== undefined} className="font-mono" />
              </Field>
            );
          })}
        </div>
      )}
    </ConfirmDialog>
  );
}
