import { beforeAll, describe, expect, it } from "vitest";
import type { MissingUsageQuery } from "@/lib/domain/missing-usage";
import type { Actor } from "@/lib/domain/permissions";
import { admin } from "@/test/admin-fixtures";
import { withSharedTestDatabase } from "@/test/db";
import { fixtureSubscriptions as s, missingUsageMonth, seedMissingUsage } from "@/test/missing-usage-fixture";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { listMissingUsage } from "./missing-usage";

const database = withSharedTestDatabase();
const contosoReseller: Actor = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" };

beforeAll(async () => {
  await seedMissingUsage(database.handle.db);
});

async function missing(actor: Actor, query: Partial<MissingUsageQuery> = {}, window = { limit: 100, offset: 0 }) {
  const sort = { column: "externalId", desc: false } as const;
  return listMissingUsage(actor, { period: missingUsageMonth, sort, ...query }, window);
}

const idsOf = async (...args: Parameters<typeof missing>) =>
  (await missing(...args)).rows.map((row) => row.subscriptionId);

describe("missing usage", () => {
  it("lists for a vendor its active subscriptions that no live file of the month reports, a Ready one reporting", async () => {
    expect(await idsOf(acmeVendor)).toEqual([s.onlyRejected, s.onlyInvalid, s.onlyDeleted, s.onlyNextMonth, s.never]);
    expect(await idsOf(globexVendor)).toEqual([s.globex]);
  });

  it("lists for a distributor its contracts' subscriptions that no submitted file reports: usage only in a Ready file is missing", async () => {
    expect(await idsOf(northwindDistributor)).toEqual([
      s.onlyRejected,
      s.onlyInvalid,
      s.onlyDeleted,
      s.onlyReady,
      s.onlyNextMonth,
      s.never,
      s.globex,
    ]);
    expect(await idsOf(contosoReseller)).toEqual([]);
  });

  it("lists every contract's for an admin, counting every live file", async () => {
    expect(await idsOf(admin)).toEqual([
      s.onlyRejected,
      s.onlyInvalid,
      s.onlyDeleted,
      s.onlyNextMonth,
      s.never,
      s.globex,
    ]);
  });

  it("answers each row with its product, contract, window and the last month a counted file reported it", async () => {
    const { rows } = await missing(northwindDistributor, { contract: "CRD-00001" });
    expect(rows.find((row) => row.subscriptionId === s.onlyNextMonth)).toEqual({
      subscriptionId: s.onlyNextMonth,
      externalId: "EXT-9000-00007",
      productId: "PRD-100-001",
      productName: "Acme Compute",
      contractId: "CRD-00001",
      activeFrom: new Date("2024-01-01T00:00:00Z"),
      activeTo: null,
      lastReportedPeriod: "2024-07",
    });
    const reported = Object.fromEntries(rows.map((row) => [row.subscriptionId, row.lastReportedPeriod]));
    expect(reported[s.onlyRejected]).toBeNull();
    expect(reported[s.onlyReady]).toBeNull();
  });

  it("is none in a month no subscription was active in, and another month's files count for theirs", async () => {
    expect(await idsOf(admin, { period: "2023-12" })).toEqual([]);
    expect(await idsOf(acmeVendor, { period: "2024-07" })).not.toContain(s.onlyNextMonth);
    expect(await idsOf(acmeVendor, { period: "2024-07" })).toContain(s.inAccepted);
  });

  it("filters by product and contract, sorts, and pages with the count of all", async () => {
    expect(await idsOf(northwindDistributor, { product: "PRD-200-001" })).toEqual([s.globex]);
    expect(await idsOf(northwindDistributor, { contract: "CRD-00003" })).toEqual([s.globex]);
    expect(await idsOf(acmeVendor, { product: "PRD-200-001" })).toEqual([]);
    const page = await missing(
      northwindDistributor,
      { sort: { column: "externalId", desc: true } },
      { limit: 2, offset: 1 },
    );
    expect(page).toMatchObject({ total: 7 });
    expect(page.rows.map((row) => row.subscriptionId)).toEqual([s.never, s.onlyNextMonth]);
    expect(await missing(northwindDistributor, {}, { limit: 2, offset: 40 })).toEqual({ rows: [], total: 7 });
  });
});
