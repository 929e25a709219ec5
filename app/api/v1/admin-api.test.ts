import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import * as accounts from "./accounts/route";
import * as contracts from "./contracts/route";
import * as items from "./products/[id]/items/route";
import * as products from "./products/route";
import * as subscriptions from "./subscriptions/route";
import * as users from "./users/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const keys = { admin: "", vendor: "", distributor: "" };

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  keys.admin = await apiKeyOf("admin@portal.test");
  keys.vendor = await apiKeyOf("vendor@acme.test");
  keys.distributor = await apiKeyOf("distributor@northwind.test");
});

const lists = { accounts, contracts, products, subscriptions, users };

describe("the catalog and users for admins", () => {
  it.each(Object.keys(lists) as (keyof typeof lists)[])("GET /%s pages for an admin and refuses others", async (name) => {
    const list = (key: string | undefined, query = "") => callApi(lists[name].GET, { key, path: `/${name}${query}` });
    const all = await list(keys.admin);
    expect(all.status).toBe(200);
    const total = (all.body as unknown[]).length;
    expect(all.headers.get("content-range")).toBe(`items 0-${total - 1}/${total}`);
    const second = await list(keys.admin, "?limit=1&offset=1");
    expect(second.body).toEqual([(all.body as unknown[])[1]]);
    expect(second.headers.get("content-range")).toBe(`items 1-1/${total}`);
    expect((await list(keys.admin, "?limit=5000")).status).toBe(400);
    expect((await list(keys.vendor)).status).toBe(403);
    expect((await list(keys.distributor)).status).toBe(403);
    expect((await list(undefined)).status).toBe(401);
  });

  it("filters users and subscriptions, never showing a password hash", async () => {
    const vendors = await callApi(users.GET, { key: keys.admin, path: "/users?role=vendor&order_by=-email" });
    const rows = vendors.body as { email: string; role: string }[];
    expect(rows.map((u) => u.email)).toEqual(["vendor@globex.test", "vendor@acme.test", "vendor2@acme.test"]);
    expect(rows[0]).toMatchObject({ must_change_password: expect.any(Boolean) });
    expect(JSON.stringify(rows)).not.toMatch(/password_hash|\$2[aby]\$/);
    const acme = await callApi(subscriptions.GET, { key: keys.admin, path: "/subscriptions?product=PRD-100-002" });
    expect((acme.body as { product_id: string }[]).every((s) => s.product_id === "PRD-100-002")).toBe(true);
  });

  it("lists a product's items, 404 for an unknown product", async () => {
    const get = (id: string, key = keys.admin) => callApi(items.GET, { key, path: `/products/${id}/items`, params: { id } });
    const listed = await get("PRD-100-002");
    expect((listed.body as { mpn: string }[]).map((i) => i.mpn)).toEqual(["ACME-BKP-TB", "ACME-BKP-RESTORE"]);
    expect((await get("PRD-999")).status).toBe(404);
    expect((await get("PRD-100-002", keys.vendor)).status).toBe(403);
  });
});
