import "server-only";
import type { z } from "zod";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { fromWire, wireFieldNames } from "@/lib/server/api/wire-names";

function invalid(message: string, error: z.ZodError, input: object = {}) {
  const issues = error.issues.flatMap((issue) =>
    issue.code === "invalid_union" ? chosenBranch(issue, input) : [issue],
  );
  const fields = Object.fromEntries(issues.map((issue) => [issue.path.join(".") || "body", issue.message]));
  return fail("invalid_input", message, fields);
}

/**
 * The problems of the alternative the body meant: the first whose every problem is with a field the
 * body has (an amendment is the body that names `amends`), else the last, the usual one.
 */
function chosenBranch(issue: z.core.$ZodIssueInvalidUnion, input: object): z.core.$ZodIssue[] {
  const meant = issue.errors.find((branch) =>
    branch.every(({ path: [field] }) => field === undefined || field in input),
  );
  return meant ?? issue.errors.at(-1) ?? [issue];
}

const fieldNames = new WeakMap<z.ZodType, Map<string, string>>();
const noFields = new Map<string, string>();

/** The fields `schema` reads, by their API names, with the schema's names for them; none without a schema. */
function fieldsOf(schema: z.ZodType | undefined): Map<string, string> {
  if (!schema) return noFields;
  let fields = fieldNames.get(schema);
  if (!fields) {
    fields = wireFieldNames(schema);
    fieldNames.set(schema, fields);
  }
  return fields;
}

/** Names the endpoint does not take are refused: a misspelt one would otherwise be dropped without a word. */
function refuseUnknown(fields: Map<string, string>, names: Iterable<string>, what: string): Result<void> {
  const unknown = [...new Set(names)].filter((name) => !fields.has(name));
  if (unknown.length === 0) return ok(undefined);
  return fail("invalid_input", `Unknown ${what}${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
}

/**
 * The request's JSON body (snake_case names) as `schema` reads it; no body is `{}`. Bad JSON, a
 * field the endpoint does not take, or a bad shape is invalid input (400).
 */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<Result<z.output<Schema>>> {
  const text = await request.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return fail("invalid_input", "Send a JSON body.");
  }
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  const known = refuseUnknown(fieldsOf(schema), isObject ? Object.keys(body as object) : [], "field");
  if (!known.ok) return known;
  const input = fromWire(body);
  const parsed = schema.safeParse(input);
  return parsed.success
    ? ok(parsed.data)
    : invalid("The request body is not valid.", parsed.error, isObject ? (input as object) : {});
}

/**
 * The request's query parameters as `schema` reads them (the first value of a repeated one); a
 * parameter the endpoint does not take, or any at all when it takes none, is invalid input (400).
 */
export function parseQuery(request: Request, schema: z.ZodType | undefined): Result<unknown> {
  const params = new URL(request.url).searchParams;
  const fields = fieldsOf(schema);
  const known = refuseUnknown(fields, params.keys(), "query parameter");
  if (!known.ok || !schema) return known;
  const query: Record<string, string> = {};
  for (const [name, value] of params) query[fields.get(name)!] ??= value;
  const parsed = schema.safeParse(query);
  return parsed.success ? ok(parsed.data) : invalid("The query parameters are not valid.", parsed.error);
}
