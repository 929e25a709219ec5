import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it, vi } from "vitest";
import { endpoints } from "./endpoints";
import { openApiDocument } from "./openapi";

// Route modules are imported only to see which methods they export; the sign-in library stays out.
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const apiRoot = join(process.cwd(), "app/api/v1");

/** Every route handler under app/api/v1, as `METHOD /path` with OpenAPI's `{param}` for `[param]`. */
async function servedOperations(): Promise<string[]> {
  const routes = readdirSync(apiRoot, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(`${sep}route.ts`),
  );
  const operations: string[] = [];
  for (const route of routes) {
    const path = `/${relative(apiRoot, join(apiRoot, route, ".."))
      .split(sep)
      .join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    if (path === "/openapi.json") continue;
    const handlers = (await import(join(apiRoot, route))) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH"])
      if (handlers[method]) operations.push(`${method} ${path}`);
  }
  return operations.sort();
}

describe("the OpenAPI document", () => {
  it("describes what each endpoint answers, under the names the API sends and without internal columns", () => {
    type Document = {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
    };
    const { paths, components } = openApiDocument() as unknown as Document;
    expect(paths["/usage/files/{id}"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual({
      $ref: "#/components/schemas/UsageFile",
    });
    expect(paths["/usage/records"]!.get!.responses["200"]!.content!["application/json"]!.schema).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/UsageRecord" },
    });
    const file = Object.keys(components.schemas.UsageFile!.properties);
    expect(file).toEqual(
      expect.arrayContaining(["id", "status", "progress_percent", "period_from", "internal_note", "stats"]),
    );
    expect(file).not.toEqual(expect.arrayContaining(["generation"]));
    expect(components.schemas.UsageFile!.properties.period_from).toEqual({ type: "string", format: "date-time" });
    expect(Object.keys(components.schemas.User!.properties)).not.toContain("password_hash");
    expect(components.schemas.UsageRecord!.required).toEqual(
      expect.arrayContaining(["id", "usage_file_id", "status", "external_billing_id"]),
    );
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const document = openApiDocument();
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    expect(document.openapi).toBe("3.1.0");
  });

  it("lists every endpoint the app serves, and no other", async () => {
    const listed = endpoints.map((spec) => `${spec.method.toUpperCase()} ${spec.path}`).sort();
    expect(listed).toEqual(await servedOperations());
    const document = openApiDocument();
    expect(Object.values(document.paths).flatMap((operations) => Object.keys(operations))).toHaveLength(
      endpoints.length,
    );
  });

  it("describes query parameters and bodies from the handlers' zod schemas", () => {
    const { paths } = openApiDocument() as unknown as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; required: boolean }[]; requestBody?: unknown }>
      >;
    };
    expect(paths["/usage/records"]!.get!.parameters).toContainEqual(
      expect.objectContaining({ name: "usagefile.id", required: false }),
    );
    expect(paths["/usage/records"]!.get!.parameters).toContainEqual(
      expect.objectContaining({
        name: "after",
        required: false,
        schema: expect.objectContaining({ description: expect.stringContaining('rel=\"next\"') }),
      }),
    );
    expect(paths["/usage/files"]!.get!.parameters).toContainEqual(
      expect.objectContaining({ name: "limit", required: false }),
    );
    expect(paths["/usage/files"]!.post!.requestBody).toMatchObject({
      content: {
        "application/json": {
          schema: {
            anyOf: [
              { required: ["amends"] },
              { required: expect.arrayContaining(["product_id", "contract_id", "name", "first_day"]) },
            ],
          },
        },
      },
    });
    const acceptBody = paths["/usage/files/{id}/accept"]!.post!.requestBody as {
      content: Record<string, { schema: { properties: object } }>;
    };
    expect(Object.keys(acceptBody.content["application/json"]!.schema.properties)).toEqual(["acceptance_note"]);
    const updateUserBody = paths["/users/{id}"]!.put!.requestBody as {
      content: Record<string, { schema: { properties: object } }>;
    };
    expect(Object.keys(updateUserBody.content["application/json"]!.schema.properties)).toEqual(["account_id", "role"]);
    expect(paths["/subscriptions/import"]!.post!.requestBody).toMatchObject({
      content: { "multipart/form-data": { schema: { required: ["subscriptions_file"] } } },
    });
  });
});
