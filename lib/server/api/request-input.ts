import "server-only";
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/domain/errors";

function invalid(message: string, error: z.ZodError) {
  const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "body", issue.message]));
  return fail("invalid_input", message, fields);
}

/** The request's JSON body as `schema` reads it; no body is `{}`. Bad JSON or a bad shape is invalid input (400). */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<Result<z.output<Schema>>> {
  const text = await request.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return fail("invalid_input", "Send a JSON body.");
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? ok(parsed.data) : invalid("The request body is not valid.", parsed.error);
}

/** The request's query parameters as `schema` reads them (the first value of a repeated one). */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): Result<z.output<Schema>> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? ok(parsed.data) : invalid("The query parameters are not valid.", parsed.error);
}
