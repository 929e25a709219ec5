import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/actor";
import { openApiDocument } from "@/lib/server/api/openapi";

export const metadata: Metadata = { title: "API reference" };

interface Operation {
  summary: string;
  description: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface Schema {
  $ref?: string;
  items?: Schema;
  properties?: Record<string, unknown>;
  required?: string[];
}

/** `200 UsageFile`, `200 [UsageRecord]`, or the bare status for errors and files. */
function answerOf(status: string, response: Operation["responses"][string]): string {
  const schema = response.content?.["application/json"]?.schema;
  const name = (ref?: string) => ref?.split("/").pop();
  if (status === "default" || !schema || name(schema.$ref) === "Error") return status;
  return `${status} ${schema.items ? `[${name(schema.items.$ref)}]` : name(schema.$ref)}`;
}

function bodyFields(operation: Operation): string[] {
  const [type, { schema }] = Object.entries(operation.requestBody?.content ?? {})[0] ?? ["", { schema: {} }];
  const required = new Set(schema.required ?? []);
  return Object.keys(schema.properties ?? {}).map(
    (name) => `${name}${required.has(name) ? "" : "?"}${type.startsWith("multipart") ? " (file)" : ""}`,
  );
}

function Fields({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="text-sm text-slate-600">
      {label}: <code className="text-xs">{names.join(", ")}</code>
    </p>
  );
}

/** The public API's reference, written from the same document as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  await requireActor();
  const { paths, components } = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  return (
    <>
      <PageHeader
        title="API reference"
        subtitle={
          <>
            Send <code>Authorization: ApiKey &lt;key&gt;</code> to <code>/api/v1</code>. Fields are named in snake_case,
            in bodies and answers alike. Errors are JSON <code>{`{"error_code", "errors"}`}</code>. The machine-readable
            document is{" "}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <div className="space-y-3">
        {Object.entries(paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => (
            <Card key={`${method} ${path}`}>
              <h2 className="break-words font-mono text-sm font-semibold">
                {method.toUpperCase()} /api/v1{path}
              </h2>
              <p className="mt-1 text-sm">
                {operation.summary}. {operation.description}
              </p>
              <Fields
                label="Query"
                names={(operation.parameters ?? [])
                  .filter((p) => p.in === "query")
                  .map((p) => `${p.name}${p.required ? "" : "?"}`)}
              />
              <Fields label="Body" names={bodyFields(operation)} />
              <Fields
                label="Answers"
                names={Object.entries(operation.responses).map(([status, response]) => answerOf(status, response))}
              />
            </Card>
          )),
        )}
      </div>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Objects</h2>
      <div className="space-y-3">
        {Object.entries(components.schemas).map(([name, schema]) => (
          <Card key={name}>
            <h3 className="font-mono text-sm font-semibold">{name}</h3>
            <Fields
              label="Fields"
              names={Object.keys(schema.properties ?? {}).map(
                (field) => `${field}${schema.required?.includes(field) ? "" : "?"}`,
              )}
            />
          </Card>
        ))}
      </div>
    </>
  );
}
