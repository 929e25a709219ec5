import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { products, usageFileAnomalies, usageFileTotals, usageFiles } from "@/db/schema";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { insertDraftFile } from "@/test/usage-file-state";
import { guardPeriod, processedFile, setAsideSeededAcmeFiles } from "@/test/usage-guard";
import * as anomaliesRoute from "@/app/api/v1/usage/files/[id]/anomalies/route";
import * as recordsRoute from "@/app/api/v1/usage/records/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

const vcpu = "PRD-100-001-0001";
const noisy = ["100", "92", "108", "97", "115", "85"];

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  await setAsideSeededAcmeFiles(database.handle.db);
});

/** A decided file `monthsBefore` the demo period with these vCPU-hour totals by subscription. */
async function historyFile(monthsBefore: number, totals: Record<string, string>, status: UsageFileStatus = "accepted") {
  const db = database.handle.db;
  const id = `UF-2026-10-9300-000${monthsBefore}`;
  await insertDraftFile(db, {
    id,
    productId: "PRD-100-001",
    usageSchema: "QT",
    currency: "USD",
    ...guardPeriod(monthsBefore),
  });
  await db.update(usageFiles).set({ status, generation: 1 }).where(eq(usageFiles.id, id));
  const rows = Object.entries(totals).map(([subscriptionId, quantity]) => ({
    usageFileId: id,
    generation: 1,
    subscriptionId,
    itemId: vcpu,
    records: 1,
    quantity,
  }));
  if (rows.length > 0) await db.insert(usageFileTotals).values(rows);
}

/** Six months in which AS-1000-01001 and -01003 used about 100 vCPU hours, -01002 a steady 50. */
async function sixMonthsOfHistory() {
  for (let month = 1; month <= 6; month++) {
    const quantity = noisy[month - 1]!;
    await historyFile(month, { "AS-1000-01001": quantity, "AS-1000-01002": "50", "AS-1000-01003": quantity });
  }
}

async function anomaliesOf(id: string) {
  return database.handle.db
    .select({
      subscription: usageFileAnomalies.subscriptionId,
      kind: usageFileAnomalies.kind,
      quantity: usageFileAnomalies.quantity,
      baseline: usageFileAnomalies.baseline,
    })
    .from(usageFileAnomalies)
    .where(eq(usageFileAnomalies.usageFileId, id))
    .orderBy(asc(usageFileAnomalies.subscriptionId));
}

const current = "UF-2026-10-9300-0100";

describe("anomalies of a processed file", () => {
  it("flags a tenfold spike, a vanished subscription and a large new one, and not ±20 % noise", async () => {
    await sixMonthsOfHistory();

    const file = await processedFile(database.handle.db, current, [
      { recordId: "spike", from: 0, to: 24, subscription: "EXT-100001001", quantity: "1000" },
      { recordId: "noise", from: 0, to: 24, subscription: "EXT-100001003", quantity: "118" },
      { recordId: "new", from: 0, to: 24, subscription: "EXT-100001004", quantity: "400" },
    ]);

    expect(await anomaliesOf(current)).toEqual([
      { subscription: "AS-1000-01001", kind: "spike", quantity: "1000", baseline: "98.5" },
      { subscription: "AS-1000-01002", kind: "vanished", quantity: "0", baseline: "50" },
      { subscription: "AS-1000-01004", kind: "new", quantity: "400", baseline: "0" },
    ]);
    expect(file.anomalyCounts).toEqual({ spike: 1, drop: 0, new: 1, vanished: 1 });
  });

  it("keeps the pair's monthly history, oldest first, for its chart", async () => {
    await sixMonthsOfHistory();
    await processedFile(database.handle.db, current, [
      { recordId: "spike", from: 0, to: 24, subscription: "EXT-100001001", quantity: "1000" },
    ]);
    const [spike] = await database.handle.db
      .select({ history: usageFileAnomalies.history })
      .from(usageFileAnomalies)
      .where(eq(usageFileAnomalies.subscriptionId, "AS-1000-01001"));
    expect(spike!.history.map((month) => month.quantity)).toEqual([...noisy].reverse());
  });

  it("counts only accepted and closed history: a rejected file's usage is no baseline", async () => {
    for (let month = 1; month <= 6; month++) {
      // Counted, the rejected files' 10 hours would make this month's usual 100 a spike.
      await historyFile(month, { "AS-1000-01001": month === 1 ? "100" : "10" }, month === 1 ? "closed" : "rejected");
    }
    await processedFile(database.handle.db, current, [
      { recordId: "usual", from: 0, to: 24, subscription: "EXT-100001001", quantity: "100" },
    ]);
    expect(await anomaliesOf(current)).toEqual([]);
  });

  it("flags nothing for a contract's first file", async () => {
    const file = await processedFile(database.handle.db, current, [
      { recordId: "first", from: 0, to: 24, quantity: "1000000" },
    ]);
    expect(file.anomalyCounts).toEqual({ spike: 0, drop: 0, new: 0, vanished: 0 });
  });

  it("follows the product's thresholds", async () => {
    await sixMonthsOfHistory();
    await database.handle.db
      .update(products)
      .set({ anomalyThresholds: { spikeFactor: 1.1, dropFactor: 0.5, minDeviation: 1, newFactor: 100 } })
      .where(eq(products.id, "PRD-100-001"));
    await processedFile(database.handle.db, current, [
      { recordId: "up", from: 0, to: 24, subscription: "EXT-100001001", quantity: "140" },
      { recordId: "usual", from: 0, to: 24, subscription: "EXT-100001002", quantity: "50" },
      { recordId: "usual-3", from: 0, to: 24, subscription: "EXT-100001003", quantity: "100" },
    ]);
    expect((await anomaliesOf(current)).map((anomaly) => [anomaly.subscription, anomaly.kind])).toEqual([
      ["AS-1000-01001", "spike"],
    ]);
  });
});

describe("GET /usage/files/{id}/anomalies", () => {
  it("answers the vendor the anomalies, the largest deviation first, and no one else before submission", async () => {
    await sixMonthsOfHistory();
    await processedFile(database.handle.db, current, [
      { recordId: "spike", from: 0, to: 24, subscription: "EXT-100001001", quantity: "1000" },
      { recordId: "usual", from: 0, to: 24, subscription: "EXT-100001003", quantity: "100" },
    ]);
    const call = { path: `/usage/files/${current}/anomalies`, params: { id: current } };

    const asVendor = await callApi(anomaliesRoute.GET, { ...call, key: await apiKeyOf("vendor@acme.test") });
    const asReviewer = await callApi(anomaliesRoute.GET, {
      ...call,
      key: await apiKeyOf("distributor@northwind.test"),
    });

    expect(asVendor.status).toBe(200);
    expect(asVendor.body).toMatchObject({
      anomalies: [
        {
          subscription_id: "AS-1000-01001",
          subscription_external_id: "EXT-100001001",
          item_mpn: "ACME-VCPU-HR",
          unit: "hour",
          kind: "spike",
          quantity: "1000",
          baseline: "98.5",
        },
        { subscription_id: "AS-1000-01002", kind: "vanished", quantity: "0", baseline: "50" },
      ],
    });
    expect(asReviewer.status).toBe(404);
  });

  it("filters a file's records to those of anomalous pairs", async () => {
    await sixMonthsOfHistory();
    await processedFile(database.handle.db, current, [
      { recordId: "spike-a", from: 0, to: 24, subscription: "EXT-100001001", quantity: "600" },
      { recordId: "spike-b", from: 24, to: 48, subscription: "EXT-100001001", quantity: "400" },
      { recordId: "usual", from: 0, to: 24, subscription: "EXT-100001003", quantity: "100" },
    ]);
    const anomalous = await callApi(recordsRoute.GET, {
      path: `/usage/records?usagefile.id=${current}&anomalies=true`,
      key: await apiKeyOf("vendor@acme.test"),
    });
    expect((anomalous.body as { record_id: string }[]).map((record) => record.record_id)).toEqual([
      "spike-a",
      "spike-b",
    ]);
  });
});
