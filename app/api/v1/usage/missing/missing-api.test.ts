import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeyOf, apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withSharedTestDatabase } from "@/test/db";
import { fixtureSubscriptions as s, missingUsageMonth, seedMissingUsage } from "@/test/missing-usage-fixture";
import * as missing from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withSharedTestDatabase();
const keys = { acme: "", globex: "", northwind: "", contoso: "", admin: "" };

beforeAll(async () => {
  await seedMissingUsage(database.handle.db);
  Object.assign(keys, await apiKeysOf(seededKeyHolders), { admin: await apiKeyOf("admin@portal.test") });
});

const ask = (key: string, query: string) => callApi(missing.GET, { key, path: `/usage/missing?${query}` });

async function idsFor(key: string, query = "") {
  const answer = await ask(key, `period=${missingUsageMonth}${query}`);
  expect(answer.status).toBe(200);
  return (answer.body as { subscription_id: string }[]).map((row) => row.subscription_id);
}

describe("GET /usage/missing", () => {
  it("answers each subscription without usage as its id, external id, product, contract, window and last reported month", async () => {
    const answer = await ask(keys.acme, `period=${missingUsageMonth}&limit=2&offset=3`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-range")).toBe("items 3-4/5");
    expect(answer.body).toEqual([
      {
        subscription_id: s.onlyNextMonth,
        external_id: "EXT-9000-00007",
        product_id: "PRD-100-001",
        product_name: "Acme Compute",
        contract_id: "CRD-00001",
        active_from: "2024-01-01T00:00:00.000Z",
        active_to: null,
        last_reported_period: "2024-07",
      },
      {
        subscription_id: s.never,
        external_id: "EXT-9000-00008",
        product_id: "PRD-100-001",
        product_name: "Acme Compute",
        contract_id: "CRD-00001",
        active_from: "2024-01-01T00:00:00.000Z",
        active_to: null,
        last_reported_period: null,
      },
    ]);
  });

  it("is scoped like every list: a vendor's own, a distributor's contracts' counting submitted files only, an admin's all", async () => {
    const acme = [s.onlyRejected, s.onlyInvalid, s.onlyDeleted, s.onlyNextMonth, s.never];
    expect(await idsFor(keys.acme)).toEqual(acme);
    expect(await idsFor(keys.globex)).toEqual([s.globex]);
    expect(await idsFor(keys.northwind)).toEqual([...acme.slice(0, 3), s.onlyReady, ...acme.slice(3), s.globex]);
    expect(await idsFor(keys.contoso)).toEqual([]);
    expect(await idsFor(keys.admin)).toEqual([...acme, s.globex]);
  });

  it("filters by product and contract, and orders by a column", async () => {
    expect(await idsFor(keys.northwind, "&product=PRD-200-001")).toEqual([s.globex]);
    expect(await idsFor(keys.northwind, "&contract=CRD-00001&order_by=-external_id&limit=2")).toEqual([
      s.never,
      s.onlyNextMonth,
    ]);
  });

  it.each([
    ["", "Give the period as YYYY-MM."],
    ["period=2024-6", "Give the period as YYYY-MM."],
    [`period=${missingUsageMonth}&order_by=status`, "expected one of"],
    [`period=${missingUsageMonth}&status=active`, "Unknown query parameter: status."],
  ])("refuses %j (400: %s)", async (query, named) => {
    const answer = await ask(keys.acme, query);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(named);
  });

  it("refuses a caller without a key", async () => {
    expect((await callApi(missing.GET, { path: `/usage/missing?period=${missingUsageMonth}` })).status).toBe(401);
  });
});
