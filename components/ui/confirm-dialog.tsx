"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { startTransition, useActionState, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { FormAction, FormState } from "@/lib/server/form-action";
import { Button } from "./button";
import { FormStatus } from "./form";

type Variant = "primary" | "secondary" | "danger";

/**
 * A button that opens a modal dialog asking to confirm an action; `children` are extra fields sent
 * with it, such as a note (or a function of the form's state, to mark the fields the server refused). The dialog is Radix UI's (focus trapped and given back to the button,
 * Esc and the overlay close it, the rest of the page hidden from screen readers); it opens on its
 * first invalid field when there is one. It closes on success and stays open with the server's
 * message on failure.
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
  wide = false,
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
  /** Room for a form of many fields side by side. */
  wide?: boolean;
  children?: ReactNode | ((state: FormState) => ReactNode);
}) {
  const [open, setOpen] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.ok) setOpen(false);
  }

  // Submitted by hand, not through `action`: React resets a form after its action, which would throw
  // away what was typed when the server refuses it.
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => submit(data));
  }

  const focusFirstInvalid = (event: Event) => {
    const invalid = content.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    event.preventDefault();
    invalid.focus();
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button type="button" variant={triggerVariant}>
          {trigger}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          ref={content}
          onOpenAutoFocus={focusFirstInvalid}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100%-2rem)] ${wide ? "max-w-3xl" : "max-w-lg"} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white shadow-xl`}
        >
          <form onSubmit={send} className="space-y-4 p-6">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Description asChild>
              <div className="text-sm text-slate-600">{description}</div>
            </Dialog.Description>
            {Object.entries(hidden ?? {}).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {typeof children === "function" ? children(state) : children}
            <FormStatus state={state.ok ? {} : state} />
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" variant={variant} disabled={pending}>
                {pending ? "Working…" : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
