import "server-only";
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { fromWire, wireInputSchema } from "@/lib/domain/wire-names";

function invalid(message: string, error: z.ZodError) {
  const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "body", issue.message]));
  return fail("invalid_input", message, fields);
}

const knownFields = new WeakMap<z.ZodType, Set<string>>();

/** The body fields `schema` reads, by their API names. */
function fieldsOf(schema: z.ZodType): Set<string> {
  let fields = knownFields.get(schema);
  if (!fields) {
    fields = new Set(Object.keys((wireInputSchema(schema).properties as object | undefined) ?? {}));
    knownFields.set(schema, fields);
  }
  return fields;
}

/** Fields the endpoint does not take: a misspelt name would otherwise be dropped without a word. */
function unknownFields(schema: z.ZodType, body: unknown): string[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [];
  const fields = fieldsOf(schema);
  return Object.keys(body).filter((name) => !fields.has(name));
}

/**
 * The request's JSON body (snake_case names) as `schema` reads it; no body is `{}`. Bad JSON, a
 * field the endpoint does not take, or a bad shape is invalid input (400).
 */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<Result<z.output<Schema>>> {
  const text = await request.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return fail("invalid_input", "Send a JSON body.");
  }
  const unknown = unknownFields(schema, body);
  if (unknown.length > 0) return fail("invalid_input", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  const parsed = schema.safeParse(fromWire(body));
  return parsed.success ? ok(parsed.data) : invalid("The request body is not valid.", parsed.error);
}

/** The request's query parameters as `schema` reads them (the first value of a repeated one). */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): Result<z.output<Schema>> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success ? ok(parsed.data) : invalid("The query parameters are not valid.", parsed.error);
}
