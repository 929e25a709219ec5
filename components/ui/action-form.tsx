"use client";

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  type FormEvent,
  type ReactNode,
} from "react";
import type { FormAction, FormState } from "@/lib/server/form-action";
import { Button } from "./button";
import { Field, FormStatus } from "./form";

const FieldErrors = createContext<Record<string, string>>({});

/**
 * A form posting to a server action through `useActionState`: the server's message above the
 * submit button and each field's error under its control (see ActionField). Fields come as
 * children, so server components can lay a form out. What was typed stays after a refusal, to be
 * corrected; it is cleared after a success. A form that edits an object should be keyed by the
 * object's values, so it shows them again once the server has saved them.
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
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);

  // Submitting through `action={submit}` would have React reset the fields even when the server refuses them.
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => submit(data));
  }

  return (
    <form ref={form} onSubmit={send} className={className}>
      <FieldErrors.Provider value={state.fields ?? {}}>{children}</FieldErrors.Provider>
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}

/** A labelled control inside an ActionForm, showing the server's error for the field `name`. */
export function ActionField({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const error = useContext(FieldErrors)[name];
  return (
    <Field label={label} hint={hint} error={error}>
      {children}
    </Field>
  );
}
