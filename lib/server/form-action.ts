import "server-only";
import type { z } from "zod";
import type { Failure, Result } from "@/lib/domain/errors";
import { requireActor, type SignedInActor } from "@/lib/server/actor";

interface FormActionOptions {
  /** Who acts; the change-password form passes `requireSignedIn`, which lets a temporary password through. */
  loadActor?: () => Promise<SignedInActor>;
}

/** What a form shows after its server action ran: a message, or an error with field-level details. */
export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
}

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A server action for `useActionState`: parses the form with `schema`, loads the signed-in actor and
 * runs one use case. Its failure becomes the form's error; its success, `onSuccess`'s message (which
 * may also redirect). The use case checks authorization: the action holds no rule of its own.
 */
export function formAction<Schema extends z.ZodType, T>(
  schema: Schema,
  run: (actor: SignedInActor, input: z.output<Schema>) => Promise<Result<T>>,
  onSuccess: (value: T, input: z.output<Schema>) => FormState | Promise<FormState>,
  { loadActor = requireActor }: FormActionOptions = {},
): FormAction {
  return async (_previous, formData) => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const actor = await loadActor();
    const result = await run(actor, parsed.data);
    if (!result.ok) return failureState(result);
    return onSuccess(result.value, parsed.data);
  };
}

export function failureState(failure: Failure): FormState {
  return { ok: false, error: failure.message, fields: failure.fields };
}

function invalidInput(error: z.ZodError): FormState {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".");
    fields[field] ??= issue.message;
  }
  return { ok: false, error: "Check the highlighted fields.", fields };
}
