import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeys, users } from "@/db/schema";
import { userRoles, type UserRole } from "@/lib/domain/catalog";
import type { Endpoint } from "@/lib/server/api/endpoint";
import { endpoints } from "@/lib/server/api/endpoints";
import { openApiDocument } from "@/lib/server/api/openapi";
import { apiKeyOf, callApi, handlerOf, type ApiAnswer } from "@/test/api";
import { withTestDatabase } from "@/test/db";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const emailOf: Record<UserRole, string> = {
  vendor: "vendor@acme.test",
  distributor: "distributor@northwind.test",
  admin: "admin@portal.test",
};
const keys = {} as Record<UserRole, string>;

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  for (const role of userRoles) keys[role] = await apiKeyOf(emailOf[role]);
});

/** Calls an endpoint as registered, through the route module that serves it, with a query string if given. */
async function call(spec: Endpoint, key: string | undefined, query = ""): Promise<ApiAnswer> {
  const handler = await handlerOf(spec);
  const params = { id: "UF-2026-10-1001-0003", recordId: "UR-1" };
  const path = `${spec.path}${query}`;
  return callApi(handler, {
    key,
    path,
    method: spec.method.toUpperCase(),
    json: spec.method === "get" ? undefined : {},
    params,
  });
}

/** What each endpoint answered, as `METHOD /path → status`, to compare all of them at once. */
async function answersOf(key: () => string | undefined, pick: (spec: Endpoint) => boolean = () => true) {
  const answered: string[] = [];
  for (const spec of endpoints.filter(pick)) {
    const answer = await call(spec, key());
    answered.push(
      `${spec.method.toUpperCase()} ${spec.path} → ${answer.status} ${(answer.body as { error_code?: string }).error_code}`,
    );
  }
  return answered;
}

const expected = (status: number, code: string, pick: (spec: Endpoint) => boolean = () => true) =>
  endpoints.filter(pick).map((spec) => `${spec.method.toUpperCase()} ${spec.path} → ${status} ${code}`);

describe("every endpoint of the API", () => {
  it("answers 401 without a key, and with a key nobody holds", async () => {
    expect(await answersOf(() => undefined)).toEqual(expected(401, "UNAUTHENTICATED"));
    expect(await answersOf(() => "urp_not-a-key")).toEqual(expected(401, "UNAUTHENTICATED"));
  });

  it("answers 401 to a revoked key", async () => {
    await database.handle.db.update(apiKeys).set({ revokedAt: new Date() });
    for (const role of userRoles) expect(await answersOf(() => keys[role])).toEqual(expected(401, "UNAUTHENTICATED"));
  });

  it("answers 401 to the key of a deactivated user", async () => {
    await database.handle.db.update(users).set({ active: false });
    for (const role of userRoles) expect(await answersOf(() => keys[role])).toEqual(expected(401, "UNAUTHENTICATED"));
  });

  it("answers 403 to the key of a user who must change a temporary password, saying so", async () => {
    await database.handle.db.update(users).set({ mustChangePassword: true });
    for (const role of userRoles) expect(await answersOf(() => keys[role])).toEqual(expected(403, "FORBIDDEN"));
    const refused = await call(endpoints[0]!, keys.vendor);
    expect((refused.body as { errors: string[] }).errors[0]).toMatch(/change your temporary password/);
  });

  it.each(userRoles)(
    "answers 403 to a %s where the endpoint is for other roles, before reading any input",
    async (role) => {
      const forOthers = (spec: Endpoint) => !spec.roles.includes(role);
      expect(await answersOf(() => keys[role], forOthers)).toEqual(expected(403, "FORBIDDEN", forOthers));
    },
  );
});

/** The query parameters the OpenAPI document lists for an endpoint. */
function documentedQuery(spec: Endpoint): string[] {
  const operation = (
    openApiDocument().paths[spec.path] as Record<string, { parameters?: { name: string; in: string }[] }>
  )[spec.method]!;
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => parameter.name);
}

describe("every endpoint's query parameters", () => {
  /** The answer of each endpoint to a caller of its first role, with the query string `queryOf` writes for it. */
  async function answersWithQuery(queryOf: (spec: Endpoint) => string) {
    const answered: string[] = [];
    for (const spec of endpoints) {
      const answer = await call(spec, keys[spec.roles[0]!], queryOf(spec));
      answered.push(
        `${spec.method.toUpperCase()} ${spec.path} → ${answer.status} ${(answer.body as { errors?: string[] }).errors?.[0]}`,
      );
    }
    return answered;
  }

  it("answers 400 naming a parameter the endpoint does not take, as it does for an unknown body field", async () => {
    const expected = endpoints.map(
      (spec) => `${spec.method.toUpperCase()} ${spec.path} → 400 Unknown query parameter: colour.`,
    );
    expect(await answersWithQuery(() => "?colour=blue")).toEqual(expected);
  });

  it("takes every parameter the OpenAPI document lists, by the name it lists", async () => {
    const refusedAsUnknown = (
      await answersWithQuery(
        (spec) =>
          `?${documentedQuery(spec)
            .map((name) => `${name}=1`)
            .join("&")}`,
      )
    ).filter((answer) => answer.includes("Unknown query parameter"));
    expect(refusedAsUnknown).toEqual([]);
  });
});
