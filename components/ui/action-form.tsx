"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { FormAction, FormState } from "@/lib/server/form-action";
import { Button } from "./button";
import { Field, FormStatus } from "./form";

const FieldErrors = createContext<Record<string, string>>({});

/**
 * A form posting to a server action through `useActionState`: the server's message above the
 * submit button and each field's error under its control (see ActionField). Fields come as
 * children, so server components can lay a form out.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = "space-y-4",
}: {
  action: FormAction;
  submitLabel: string;
  children: ReactNode;
  className?: string;
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={submit} className={className}>
      <FieldErrors.Provider value={state.fields ?? {}}>{children}</FieldErrors.Provider>
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}

/** A labelled control inside an ActionForm, showing the server's error for the field `name`. */
export function ActionField({ name, label, hint, children }: { name: string; label: string; hint?: ReactNode; children: ReactNode }) {
  const error = useContext(FieldErrors)[name];
  return (
    <Field label={label} hint={hint} error={error}>
      {children}
    </Field>
  );
}
