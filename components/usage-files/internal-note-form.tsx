"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus, TextArea } from "@/components/ui/form";
import type { FormAction, FormState } from "@/lib/server/form-action";

/** The vendor's own note on a file, never shown to the distributor. */
export function InternalNoteForm({
  action,
  usageFileId,
  note,
}: {
  action: FormAction;
  usageFileId: string;
  note: string;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="usageFileId" value={usageFileId} />
      <label className="block text-sm text-slate-600">
        Only people of your account see this note.
        <TextArea name="internalNote" defaultValue={note} invalid={Boolean(state.fields?.internalNote)} rows={4} />
      </label>
      <FormStatus state={state.fields?.internalNote ? { error: state.fields.internalNote } : state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save note"}
      </Button>
    </form>
  );
}
