"use client";

import { startTransition, useActionState, useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import type { FormAction, FormState } from "@/lib/server/form-action";
import { Button } from "./button";
import { FormStatus } from "./form";

type Variant = "primary" | "secondary" | "danger";

/**
 * A button that opens a modal `<dialog>` (focus kept inside, Esc closes) asking to confirm an
 * action; `children` are extra fields sent with it, such as a note (or a function of the form's
 * state, to mark the fields the server refused). The dialog closes on success and stays open with
 * the server's message on failure.
 */
export function ConfirmDialog({
  action,
  hidden,
  trigger,
  title,
  description,
  confirmLabel,
  variant = "primary",
  triggerVariant = variant,
  children,
}: {
  action: FormAction;
  hidden?: Record<string, string>;
  trigger: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: Variant;
  triggerVariant?: Variant;
  children?: ReactNode | ((state: FormState) => ReactNode);
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});

  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);

  // Submitted by hand, not through `action`: React resets a form after its action, which would throw
  // away what was typed when the server refuses it.
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => submit(data));
  }

  return (
    <>
      <Button type="button" variant={triggerVariant} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={send} className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="text-sm text-slate-600">{description}</div>
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {typeof children === "function" ? children(state) : children}
          <FormStatus state={state.ok ? {} : state} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
