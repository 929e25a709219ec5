"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Select, TextInput } from "@/components/ui/form";
import type { Choice, CorrectionChoices } from "@/lib/domain/correction-choices";
import type { RecordError } from "@/lib/domain/record-errors";
import { sheetTimeOfPicker } from "@/lib/format";
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
  choices,
  record,
}: {
  action: FormAction;
  usageFileId: string;
  choices: CorrectionChoices;
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
      wide
    >
      {(state) => (
        <CorrectionFields
          cells={record.cells}
          choices={choices}
          messageOf={(column) => (state.fields ? state.fields[column] : storedMessage(column)) || undefined}
        />
      )}
    </ConfirmDialog>
  );
}

function CorrectionFields({
  cells,
  choices,
  messageOf,
}: {
  cells: SheetCellField[];
  choices: CorrectionChoices;
  messageOf: (column: string) => string | undefined;
}) {
  const initial = (input: SheetCellField["input"]) => cells.find((cell) => cell.input === input)?.value ?? "";
  // The search values offered follow the criterion chosen beside them.
  const [itemCriterion, setItemCriterion] = useState(() => initial("itemCriteria"));
  const [assetCriterion, setAssetCriterion] = useState(() => initial("assetCriteria"));
  return (
    <div className="grid max-h-[55vh] gap-3 overflow-y-auto pr-1 sm:grid-cols-2">
      {cells.map((cell) => {
        const message = messageOf(cell.column);
        const control = { name: cell.field, invalid: message !== undefined };
        switch (cell.input) {
          case "itemCriteria":
            return (
              <Field key={cell.column} label={cell.column} error={message}>
                <Select {...control} value={itemCriterion} onChange={(event) => setItemCriterion(event.target.value)}>
                  {withSheetValue(
                    cell.value,
                    choices.itemCriteria.map((value) => ({ value, label: value })),
                  ).map(option)}
                </Select>
              </Field>
            );
          case "item":
            return (
              <Field key={cell.column} label={cell.column} error={message} hint="An item of the file's product.">
                <Select key={itemCriterion} {...control} defaultValue={cell.value}>
                  {withSheetValue(cell.value, choices.items[itemCriterion] ?? []).map(option)}
                </Select>
              </Field>
            );
          case "assetCriteria":
            return (
              <Field key={cell.column} label={cell.column} error={message}>
                <ListedInput
                  {...control}
                  choices={choices.assetCriteria.map((value) => ({ value, label: value }))}
                  defaultValue={cell.value}
                  onChange={setAssetCriterion}
                />
              </Field>
            );
          case "subscription":
            return (
              <Field
                key={cell.column}
                label={cell.column}
                error={message}
                hint="Listed: the subscriptions of the file's product and contract active in its period."
              >
                <ListedInput
                  {...control}
                  choices={choices.subscriptions[assetCriterion] ?? []}
                  defaultValue={cell.value}
                />
              </Field>
            );
          case "time":
            return <TimeField key={cell.column} cell={cell} message={message} />;
          case "text":
            return (
              <Field key={cell.column} label={cell.column} error={message}>
                <TextInput {...control} defaultValue={cell.value} className="font-mono" />
              </Field>
            );
        }
      })}
    </div>
  );
}

function option(choice: Choice) {
  return (
    <option key={choice.value} value={choice.value}>
      {choice.label === choice.value ? choice.value : `${choice.value} · ${choice.label}`}
    </option>
  );
}

/** The listed choices, and the sheet's own value first when it is none of them, so that it stays as read. */
function withSheetValue(value: string, choices: readonly Choice[]): readonly Choice[] {
  if (choices.some((choice) => choice.value === value)) return choices;
  return [{ value, label: value === "" ? "(empty in the sheet)" : "as in the sheet" }, ...choices];
}

/** Free text with suggestions: the sheet allows any search value, the list only helps to find one. */
function ListedInput({
  name,
  invalid,
  choices,
  defaultValue,
  onChange,
}: {
  name: string;
  invalid: boolean;
  choices: readonly Choice[];
  defaultValue: string;
  onChange?: (value: string) => void;
}) {
  const listId = useId();
  return (
    <>
      <TextInput
        name={name}
        invalid={invalid}
        defaultValue={defaultValue}
        list={listId}
        autoComplete="off"
        className="font-mono"
        onChange={onChange && ((event) => onChange(event.target.value))}
      />
      <datalist id={listId}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </datalist>
    </>
  );
}

/**
 * A date-time picker read as UTC; the form sends the sheet's text format. Until a time is picked,
 * the sheet's text is sent as read, even when it is no time (the server then says why).
 */
function TimeField({ cell, message }: { cell: SheetCellField; message: string | undefined }) {
  const [text, setText] = useState(cell.value);
  const [picked, setPicked] = useState(cell.pickerValue ?? "");
  const hint =
    picked === "" && cell.value !== ""
      ? `UTC. The sheet has "${cell.value}", which is no date and time.`
      : `UTC. Saved as "${text}".`;
  return (
    <Field label={`${cell.column} (UTC)`} error={message} hint={hint}>
      <TextInput
        type="datetime-local"
        step={1}
        invalid={message !== undefined}
        value={picked}
        onChange={(event) => {
          setPicked(event.target.value);
          setText(sheetTimeOfPicker(event.target.value));
        }}
      />
      <input type="hidden" name={cell.field} value={text} />
    </Field>
  );
}
