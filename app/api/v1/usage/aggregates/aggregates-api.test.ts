import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeyOf, apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { demoPeriodStart } from "@/test/usage-workbooks";
import * as aggregates from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();
const period = demoPeriodStart().toISOString().slice(0, 7);
const keys = { acme: "", globex: "", northwind: "", contoso: "", admin: "" };

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(keys, await apiKeysOf(seededKeyHolders), { admin: await apiKeyOf("admin@portal.test") });
});

interface Group {
  vendor_id?: string;
  contract_id?: string;
  item_name?: string;
  item_unit?: string;
  currency: string;
  billable: { records: number; quantity: string | null; amount: string | null };
  awaiting_review: { records: number; quantity: string | null; amount: string | null };
}

async function aggregatesOf(key: string, query: string) {
  return callApi(aggregates.GET, { key, path: `/usage/aggregates?${query}` });
}

describe("GET /usage/aggregates", () => {
  it("answers billable and awaiting review apart, as exact decimal text, per group and currency", async () => {
    const answer = await aggregatesOf(keys.northwind, `period=${period}&group_by=item,vendor`);
    expect(answer.status).toBe(200);
    const body = answer.body as { period: string; group_by: string[]; status: string[]; groups: Group[] };
    expect(body).toMatchObject({ period, group_by: ["vendor", "item"], status: ["pending", "accepted", "closed"] });
    expect(body.groups.find((group) => group.item_name === "Backup storage")).toEqual({
      vendor_id: "ACC-0002",
      vendor_name: "Acme Cloud",
      item_id: "PRD-100-002-0001",
      item_mpn: "ACME-BKP-TB",
      item_name: "Backup storage",
      item_unit: "TB-month",
      currency: "EUR",
      billable: { records: 15, quantity: "6933.75", amount: "79.5" },
      awaiting_review: { records: 0, quantity: "0", amount: null },
    });
    const pendingOnly = body.groups.filter((group) => group.billable.records === 0);
    expect(pendingOnly.length).toBeGreaterThan(0);
    expect(pendingOnly.every((group) => group.awaiting_review.records > 0)).toBe(true);
  });

  it("sums only the statuses asked for", async () => {
    const answer = await aggregatesOf(keys.northwind, `period=${period}&status=pending`);
    const groups = (answer.body as { groups: Group[] }).groups;
    expect(groups.every((group) => group.billable.records === 0 && group.awaiting_review.records > 0)).toBe(true);
  });

  it("is scoped like every query: vendors their own, distributors their contracts' submitted files, admins all", async () => {
    const vendorsOf = async (key: string) =>
      new Set(
        ((await aggregatesOf(key, `period=${period}&group_by=vendor,contract`)).body as { groups: Group[] }).groups.map(
          (group) => `${group.vendor_id} ${group.contract_id}`,
        ),
      );
    expect(await vendorsOf(keys.globex)).toEqual(new Set(["ACC-0003 CRD-00003"]));
    expect(await vendorsOf(keys.contoso)).toEqual(new Set(["ACC-0002 CRD-00002"]));
    expect(await vendorsOf(keys.northwind)).toEqual(new Set(["ACC-0002 CRD-00001", "ACC-0003 CRD-00003"]));
    expect(await vendorsOf(keys.admin)).toEqual(
      new Set(["ACC-0002 CRD-00001", "ACC-0002 CRD-00002", "ACC-0003 CRD-00003"]),
    );
  });

  it.each([
    ["", "Give the period as YYYY-MM."],
    [`period=${period}&group_by=vendor,file`, "Use any of vendor, product, contract, subscription, item; not file."],
    [`period=${period}&status=rejected`, "Use any of pending, accepted, closed; not rejected."],
    [`period=2026-13`, "Give the period as YYYY-MM."],
    [`period=${period}&vendor=ACC-0002`, "Unknown query parameter: vendor."],
  ])("refuses %j (400: %s)", async (query, named) => {
    const answer = await aggregatesOf(keys.northwind, query);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(named);
  });
});
