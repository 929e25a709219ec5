import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeys, users } from "@/db/schema";
import { userRoles, type UserRole } from "@/lib/domain/catalog";
import type { Endpoint } from "@/lib/server/api/endpoint";
import { endpoints } from "@/lib/server/api/endpoints";
import { apiKeyOf, callApi, type ApiAnswer } from "@/test/api";
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

/** Calls an endpoint as registered, through the route module that serves it. */
async function call(spec: Endpoint, key: string | undefined): Promise<ApiAnswer> {
  const file = join(process.cwd(), "app/api/v1", spec.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const handler = ((await import(file)) as Record<string, Parameters<typeof callApi>[0]>)[spec.method.toUpperCase()]!;
  const params = { id: "UF-2026-10-1001-0003", recordId: "UR-1" };
  return callApi(handler, { key, path: spec.path, method: spec.method.toUpperCase(), json: spec.method === "get" ? undefined : {}, params });
}

/** What each endpoint answered, as `METHOD /path → status`, to compare all of them at once. */
async function answersOf(key: () => string | undefined, pick: (spec: Endpoint) => boolean = () => true) {
  const answered: string[] = [];
  for (const spec of endpoints.filter(pick)) {
    const answer = await call(spec, key());
    answered.push(`${spec.method.toUpperCase()} ${spec.path} → ${answer.status} ${(answer.body as { error_code?: string }).error_code}`);
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

  it.each(userRoles)("answers 403 to a %s where the endpoint is for other roles, before reading any input", async (role) => {
    const forOthers = (spec: Endpoint) => !spec.roles.includes(role);
    expect(await answersOf(() => keys[role], forOthers)).toEqual(expected(403, "FORBIDDEN", forOthers));
  });
});
