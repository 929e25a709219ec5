/** Expected failures, as values with a stable code; adapters map codes to HTTP status and UI text. */
export const failureCodes = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid_input",
  "invalid_transition",
  "validation_failed",
  "conflict",
  "too_large",
] as const;
export type FailureCode = (typeof failureCodes)[number];

export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  /** Field-level messages for forms, keyed by field name. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: FailureCode, message: string, fields?: Record<string, string>): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

export const httpStatusOf: Record<FailureCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  invalid_transition: 409,
  validation_failed: 422,
  conflict: 409,
  too_large: 413,
};

/** A lookup's result: what it found, or "not found" — the answer for objects the actor may not see, too. */
export function found<T>(value: T | null | undefined, message: string): Result<T> {
  return value === null || value === undefined ? fail("not_found", message) : ok(value);
}
