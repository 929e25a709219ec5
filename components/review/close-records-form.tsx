"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormStatus, TextArea, TextInput } from "@/components/ui/form";
import type { FormAction, FormState } from "@/lib/server/form-action";

/** Closes the records named by id (one, or a pasted selection) with one billing id, saying what came of each. */
export function CloseRecordsForm({ usageFileId, action }: { usageFileId: string; action: FormAction }) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="usageFileId" value={usageFileId} />
      <Field label="Record ids" error={state.fields?.recordIds} hint="UR-… ids, separated by spaces, commas or lines.">
        <TextArea name="recordIds" required rows={2} invalid={Boolean(state.fields?.recordIds)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="External billing id" error={state.fields?.externalBillingId}>
          <TextInput
            name="externalBillingId"
            required
            maxLength={200}
            invalid={Boolean(state.fields?.externalBillingId)}
          />
        </Field>
        <Field label="External billing note">
          <TextInput name="externalBillingNote" maxLength={2000} />
        </Field>
      </div>
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Closing…" : "Close records"}
      </Button>
    </form>
  );
}
