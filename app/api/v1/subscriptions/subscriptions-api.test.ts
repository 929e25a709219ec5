import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeysOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import * as subscription from "./[id]/route";
import * as subscriptions from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const keys = { acme: "", globex: "", northwind: "", contoso: "", admin: "" };

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(
    keys,
    await apiKeysOf({
      acme: "vendor@acme.test",
      globex: "vendor@globex.test",
      northwind: "distributor@northwind.test",
      contoso: "reseller@contoso.test",
      admin: "admin@portal.test",
    }),
  );
});

interface Row {
  id: string;
  product_id: string;
  contract_id: string;
  external_id: string;
  product_name: string;
  status: string;
}

async function list(key: string, query = "") {
  const answer = await callApi(subscriptions.GET, { key, path: `/subscriptions?limit=1000${query}` });
  expect(answer.status).toBe(200);
  return answer.body as Row[];
}

const contractsOf = (rows: Row[]) => [...new Set(rows.map((row) => row.contract_id))].sort();

// The seed (db/seed.ts): Acme sells Compute on CRD-00001 (Northwind) and CRD-00002 (Contoso) and
// Backup on CRD-00001; Globex sells Office on CRD-00003 (Northwind). Twelve subscriptions each.
describe("GET /subscriptions", () => {
  it("answers a vendor with its own subscriptions only", async () => {
    const acme = await list(keys.acme);
    expect(acme).toHaveLength(36);
    expect(contractsOf(acme)).toEqual(["CRD-00001", "CRD-00002"]);
    const globex = await list(keys.globex);
    expect(globex).toHaveLength(12);
    expect(globex.every((row) => row.product_id === "PRD-200-001" && row.product_name === "Globex Office")).toBe(true);
  });

  it("answers a distributor or reseller with its contracts' subscriptions, of every vendor", async () => {
    expect(contractsOf(await list(keys.northwind))).toEqual(["CRD-00001", "CRD-00003"]);
    expect(await list(keys.northwind)).toHaveLength(36);
    const contoso = await list(keys.contoso);
    expect(contoso).toHaveLength(12);
    expect(contractsOf(contoso)).toEqual(["CRD-00002"]);
  });

  it("answers an admin with every subscription", async () => {
    expect(await list(keys.admin)).toHaveLength(48);
  });

  it("filters and pages within what the caller may see, counting only that", async () => {
    expect(await list(keys.globex, "&product=PRD-100-001")).toEqual([]);
    const terminated = await list(keys.acme, "&status=terminated");
    expect(terminated.map((row) => row.id)).toEqual(["AS-1000-01012", "AS-1000-01112", "AS-1000-02012"]);
    const page = await callApi(subscriptions.GET, { key: keys.contoso, path: "/subscriptions?limit=5&offset=10" });
    expect(page.headers.get("content-range")).toBe("items 10-11/12");
    expect((await callApi(subscriptions.GET, { key: keys.acme, path: "/subscriptions?status=gone" })).status).toBe(400);
  });

  it("refuses a caller without a key", async () => {
    expect((await callApi(subscriptions.GET, { path: "/subscriptions" })).status).toBe(401);
  });
});

describe("GET /subscriptions/{id}", () => {
  const get = (key: string, id: string) =>
    callApi(subscription.GET, { key, path: `/subscriptions/${id}`, params: { id } });

  it("answers the subscription's vendor and its contract's distributor", async () => {
    for (const key of [keys.acme, keys.contoso, keys.admin]) {
      const answer = await get(key, "AS-1000-01101");
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id: "AS-1000-01101",
        contract_id: "CRD-00002",
        external_id: "EXT-100001101",
        product_name: "Acme Compute",
        parameters: { region: "eu-west", subdomain: "tenant-100001101" },
      });
    }
  });

  it("answers another vendor's, or another contract's, subscription as not found", async () => {
    for (const [key, id] of [
      [keys.globex, "AS-1000-01101"],
      [keys.acme, "AS-2000-01001"],
      [keys.northwind, "AS-1000-01101"],
      [keys.contoso, "AS-1000-01001"],
    ] as const) {
      const answer = await get(key, id);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error_code: "NOT_FOUND", errors: ["Subscription not found."] });
    }
  });
});
