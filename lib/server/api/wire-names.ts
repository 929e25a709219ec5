/**
 * The API's JSON names its fields in snake_case (`external_billing_id`), as its query parameters
 * and errors do; the code names them in camelCase (`externalBillingId`). Bodies are renamed on the
 * way in, answers on the way out, and the OpenAPI document the same way, so one zod schema serves
 * the pages and the API.
 *
 * Some fields hold maps whose keys are data, not names (a record's `v.*` params, the cells of a
 * sheet row, a subscription's parameters): their keys pass through as they are, as do an event's
 * `data`, stored in the API's names already.
 */
import { z } from "zod";

const dataMaps = new Set(["params", "sheetCells", "correctedCells", "parameters", "byCode", "data"]);

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

const wireDataMaps = new Set([...dataMaps].map(snakeCase));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * A copy of `value` with every object's keys renamed, but for the keys of `keepsKeys` fields. Built
 * key by key rather than through Object.entries: answers rename every field of every row.
 */
function renameKeys(value: unknown, rename: (name: string) => string, keepsKeys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((entry) => renameKeys(entry, rename, keepsKeys));
  if (!isPlainObject(value)) return value;
  const renamed: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const entry = value[name];
    const copy = keepsKeys.has(name) ? entry : renameKeys(entry, rename, keepsKeys);
    const key = rename(name);
    // A body's `__proto__` is a field like any other, not the copy's prototype.
    if (key === "__proto__") Object.defineProperty(renamed, key, { value: copy, enumerable: true, writable: true });
    else renamed[key] = copy;
  }
  return renamed;
}

const wireNames = new Map<string, string>();

/** `snakeCase`, remembered for the code's own field names, which every answer repeats row after row. */
function wireName(name: string): string {
  let wire = wireNames.get(name);
  if (wire === undefined) {
    wire = snakeCase(name);
    if (wireNames.size < 10_000) wireNames.set(name, wire);
  }
  return wire;
}

/** An answer as the API sends it: every field name in snake_case. */
export function toWire(value: unknown): unknown {
  return renameKeys(value, wireName, dataMaps);
}

/** A request body as the code reads it: every field name in camelCase. */
export function fromWire(value: unknown): unknown {
  return renameKeys(value, camelCase, wireDataMaps);
}

type JsonSchema = { [key: string]: unknown };

/**
 * What a request schema accepts, as JSON Schema with the API's names: the shape a caller writes,
 * before defaults and transforms, without the `$schema` key.
 */
export function wireInputSchema(schema: z.ZodType): JsonSchema {
  return withWireNames(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
}

/**
 * The top-level fields a request schema reads, each under the name a caller sends (the key) and
 * the name the schema gives it (the value): `order_by` → `order_by`, `file_status` → `fileStatus`.
 */
export function wireFieldNames(schema: z.ZodType): Map<string, string> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as ObjectSchema;
  // A body of alternatives (a new file, or an amendment) reads the fields of each.
  const names = [json, ...(json.anyOf ?? [])].flatMap(({ properties = {} }) => Object.keys(properties));
  return new Map(names.map((name) => [snakeCase(name), name]));
}

interface ObjectSchema {
  properties?: object;
  anyOf?: ObjectSchema[];
}

/** What an answer schema writes, as JSON Schema with the API's names; times are ISO 8601 text in JSON. */
export function wireOutputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(jsonSchema, { type: "string", format: "date-time" });
    },
  });
  return withWireNames(json);
}

/** A document's JSON Schema as a part of the OpenAPI document: the API's names, no `$schema` key. */
function withWireNames(json: JsonSchema): JsonSchema {
  const schema = wireJsonSchema(json) as JsonSchema;
  delete schema.$schema;
  return schema;
}

function wireJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(wireJsonSchema);
  if (!isPlainObject(schema)) return schema;
  const renamed: JsonSchema = {};
  for (const [key, entry] of Object.entries(schema)) {
    if (key === "properties" && isPlainObject(entry)) {
      renamed.properties = Object.fromEntries(
        Object.entries(entry).map(([name, property]) => [snakeCase(name), wireJsonSchema(property)]),
      );
    } else if (key === "required" && Array.isArray(entry)) {
      renamed.required = entry.map((name) => snakeCase(String(name)));
    } else {
      renamed[key] = wireJsonSchema(entry);
    }
  }
  return renamed;
}
