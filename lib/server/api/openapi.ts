import "server-only";
import type { z } from "zod";
import { answers } from "./answers";
import type { Endpoint } from "./endpoint";
import { endpoints } from "./endpoints";
import { wireInputSchema, wireOutputSchema } from "@/lib/server/api/wire-names";

type JsonSchema = Record<string, unknown>;

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

function queryParameters(query: z.ZodType) {
  const { properties = {}, required = [] } = wireInputSchema(query) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema,
  }));
}

function requestBody(spec: Endpoint) {
  if (spec.upload) {
    const schema = {
      type: "object",
      required: [spec.upload],
      properties: { [spec.upload]: { type: "string", format: "binary" } },
    };
    return { required: true, content: { "multipart/form-data": { schema } } };
  }
  return spec.body
    ? { required: true, content: { "application/json": { schema: wireInputSchema(spec.body) } } }
    : undefined;
}

const spreadsheetTypes = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"];

/** Each answer schema once, under its name in `answers` (`usageFile` → `UsageFile`). */
const answerNames = new Map<z.ZodType, string>(
  Object.entries(answers).map(([name, schema]) => [schema, name[0]!.toUpperCase() + name.slice(1)]),
);

function answerSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries([...answerNames].map(([schema, name]) => [name, wireOutputSchema(schema)]));
}

function answerRef(spec: Endpoint): JsonSchema {
  const name = spec.answer && answerNames.get(spec.answer);
  if (!name) throw new Error(`${spec.method} ${spec.path} answers with a schema that is not in answers.ts.`);
  return { $ref: `#/components/schemas/${name}` };
}

function successResponse(spec: Endpoint) {
  const json = (schema: JsonSchema) => ({ "application/json": { schema } });
  switch (spec.reply) {
    case "object":
      return { 200: { description: "The object", content: json(answerRef(spec)) } };
    case "created":
      return { 201: { description: "The new object", content: json(answerRef(spec)) } };
    case "accepted":
      return {
        202: {
          description: "Queued for processing; poll the object for its status and progress",
          content: json(answerRef(spec)),
        },
      };
    case "list":
      return {
        200: {
          description: "One page of objects",
          headers: {
            "Content-Range": {
              description: "`items A-B/TOTAL`; TOTAL is `*` when more than 10,000 records match a filter",
              schema: { type: "string" },
            },
            Link: {
              description:
                'Record lists: `<…>; rel="next"` when more records follow, the same request with the next page\'s `after` cursor',
              schema: { type: "string" },
            },
          },
          content: json({ type: "array", items: answerRef(spec) }),
        },
      };
    case "spreadsheet":
      return {
        200: {
          description: "The spreadsheet, as an attachment",
          content: Object.fromEntries(
            spreadsheetTypes.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
          ),
        },
      };
  }
}

/** The error statuses an endpoint can answer, by what it takes and does. */
function errorStatuses(spec: Endpoint): number[] {
  const takesInput = Boolean(spec.query || spec.body || spec.upload);
  const changes = spec.method !== "get";
  return [
    ...(takesInput ? [400] : []),
    401,
    403,
    ...(spec.path.includes("{") || spec.query ? [404] : []),
    ...(changes ? [409] : []),
    ...(spec.upload ? [413] : []),
    ...(changes ? [422] : []),
  ];
}

const errorResponse = { $ref: "#/components/responses/Error" };

function operation(spec: Endpoint) {
  const parameters = [...pathParameters(spec.path), ...(spec.query ? queryParameters(spec.query) : [])];
  const body = requestBody(spec);
  return {
    summary: spec.summary,
    description: `For: ${spec.roles.join(", ")}.`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      ...successResponse(spec),
      ...Object.fromEntries(errorStatuses(spec).map((status) => [status, errorResponse])),
    },
  };
}

/** The OpenAPI 3.1 document of the public API, written from the endpoint registry and its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of endpoints) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  return {
    openapi: "3.1.0",
    info: { title: "Usage Records Portal API", version: "1" },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "Authorization", description: "`Authorization: ApiKey <key>`" },
      },
      schemas: {
        ...answerSchemas(),
        Error: {
          type: "object",
          required: ["error_code", "errors"],
          properties: {
            error_code: { type: "string", examples: ["NOT_FOUND"] },
            errors: { type: "array", items: { type: "string" } },
          },
        },
      },
      responses: {
        Error: {
          description:
            "400 bad input, 401 no or invalid key, 403 role may not, 404 unknown or not yours, 409 not allowed in the current status, 413 too large, 422 validation failed",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
