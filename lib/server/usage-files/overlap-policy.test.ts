import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { products, usageFileTotals, usageFiles } from "@/db/schema";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { processedFile, setAsideSeededAcmeFiles } from "@/test/usage-guard";
import { acmeVendor } from "@/test/usage-workbooks";
import { submitUsageFile } from "./submit-usage-file";
import * as productRoute from "@/app/api/v1/products/[id]/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();
const accepted = "UF-2026-10-9500-0001";
const blocked = "UF-2026-10-9500-0002";

beforeEach(async () => {
  const db = database.handle.db;
  await seedDemoData(db);
  await setAsideSeededAcmeFiles(db);
});

async function setGuard(json: Record<string, unknown>, email = "admin@portal.test") {
  return callApi(productRoute.PUT, {
    method: "PUT",
    path: "/products/PRD-100-001",
    params: { id: "PRD-100-001" },
    key: await apiKeyOf(email),
    json,
  });
}

describe("PUT /products/{id}", () => {
  it("lets an admin set the overlap policy and the anomaly thresholds, and no one else", async () => {
    const thresholds = { spike_factor: 3, drop_factor: 0.25, min_deviation: 4, new_factor: 5 };
    const set = await setGuard({ overlap_policy: "block", anomaly_thresholds: thresholds });
    const byDistributor = await setGuard({ overlap_policy: "warn" }, "distributor@northwind.test");
    const wrong = await setGuard({ overlap_policy: "refuse" });

    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ overlap_policy: "block", anomaly_thresholds: thresholds });
    expect(byDistributor.status).toBe(403);
    expect(wrong.status).toBe(400);
    const [product] = await database.handle.db.select().from(products).where(eq(products.id, "PRD-100-001"));
    expect(product).toMatchObject({
      overlapPolicy: "block",
      anomalyThresholds: { spikeFactor: 3, dropFactor: 0.25, minDeviation: 4, newFactor: 5 },
    });
  });
});

async function setStatus(id: string, status: "accepted" | "ready" | "deleted") {
  await database.handle.db.update(usageFiles).set({ status }).where(eq(usageFiles.id, id));
}

describe("a product that blocks overlapping usage", () => {
  beforeEach(async () => {
    expect((await setGuard({ overlap_policy: "block" })).status).toBe(200);
  });

  it("makes the overlapping records invalid with the warning's code, and keeps them out of the totals", async () => {
    await processedFile(database.handle.db, accepted, [{ recordId: "a-1", from: 0, to: 24, quantity: "5" }]);
    await setStatus(accepted, "accepted");

    const file = await processedFile(database.handle.db, blocked, [
      { recordId: "b-1", from: 12, to: 36, quantity: "7" },
      { recordId: "b-2", from: 36, to: 48, quantity: "2" },
      { recordId: "b-3", from: 100, to: 101, quantity: "3" },
      { recordId: "b-4", from: 100, to: 102, quantity: "4" },
    ]);

    expect(file.status).toBe("invalid");
    expect(file.stats).toMatchObject({ records: 4, valid: 1, invalid: 3 });
    expect(file.stats!.byItem).toEqual([{ itemId: "PRD-100-001-0001", records: 1, quantity: "2", amount: null }]);
    expect(file.errorDetail).toMatchObject({
      kind: "records",
      summary: { invalidRecords: 3, byCode: { overlaps_other_file: 1, overlaps_in_file: 2 } },
    });
    const records = await visibleRecords(database.handle.db, blocked);
    expect(records.map((record) => [record.recordId, record.errors?.map((error) => error.code) ?? []])).toEqual([
      ["b-1", ["overlaps_other_file"]],
      ["b-2", []],
      ["b-3", ["overlaps_in_file"]],
      ["b-4", ["overlaps_in_file"]],
    ]);
    const totals = await database.handle.db
      .select({ records: usageFileTotals.records, quantity: usageFileTotals.quantity })
      .from(usageFileTotals)
      .where(eq(usageFileTotals.usageFileId, blocked));
    expect(totals).toEqual([{ records: 1, quantity: "2" }]);
  });

  it("refuses to submit a file that overlaps a file submitted since it was processed", async () => {
    await processedFile(database.handle.db, blocked, [{ recordId: "b-1", from: 0, to: 24 }]);
    // The other file comes while this one is out of sight, as if it had been sent and decided meanwhile.
    await setStatus(blocked, "deleted");
    await processedFile(database.handle.db, accepted, [{ recordId: "a-1", from: 12, to: 36 }]);
    await setStatus(accepted, "accepted");
    await setStatus(blocked, "ready");

    const submitted = await submitUsageFile(acmeVendor, blocked);

    expect(submitted).toMatchObject({ ok: false, code: "invalid_transition" });
    const [file] = await database.handle.db.select().from(usageFiles).where(eq(usageFiles.id, blocked));
    expect(file).toMatchObject({ status: "ready", warningCounts: { overlaps_other_file: 1 } });
  });

  it("lets a file without overlaps through as usual", async () => {
    const file = await processedFile(database.handle.db, blocked, [{ recordId: "b-1", from: 0, to: 24 }]);
    expect(file.status).toBe("ready");
    expect(await submitUsageFile(acmeVendor, blocked)).toMatchObject({ ok: true });
  });
});
