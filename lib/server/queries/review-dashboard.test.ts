import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { demoPeriodStart, northwindDistributor } from "@/test/usage-workbooks";
import { listReviewQueues } from "./review-dashboard";
import { listPeriodUsage } from "./usage-aggregates";

const database = withTestDatabase();
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };
const period = demoPeriodStart().toISOString().slice(0, 7);

describe("the distributor's dashboard", () => {
  it("queues only the distributor's submitted files, never a Draft or Ready one", async () => {
    await seedDemoData(database.handle.db);
    const queues = await listReviewQueues(northwindDistributor);
    expect(queues.pending.map((f) => f.id).sort()).toEqual(["UF-2026-10-1001-0003", "UF-2026-10-2001-0001"]);
    expect(queues.acceptedOpen.map((f) => f.id)).toEqual(["UF-2026-10-1001-0005"]);
    expect(queues.recentlyClosed).toEqual([]);
    expect([...queues.pending, ...queues.acceptedOpen].every((f) => f.internalNote === null)).toBe(true);
    expect((await listReviewQueues(contosoReseller)).pending.map((f) => f.id)).toEqual(["UF-2026-10-1001-0004"]);
  });

  it("totals the period per vendor, product and item, billable and pending apart, leaving out rejected files", async () => {
    await seedDemoData(database.handle.db);
    const usage = await listPeriodUsage(northwindDistributor, period);
    expect(usage.byItem.find((row) => row.itemName === "Backup storage")).toMatchObject({
      vendorName: "Acme Cloud",
      productName: "Acme Backup",
      itemUnit: "TB-month",
      currency: "EUR",
      billable: { records: 15, quantity: "6933.75", amount: "79.5" },
      awaitingReview: { records: 0 },
    });
    // Acme Compute: only the Pending -0003 (the Rejected -0006 is left out), 12 records per item.
    const compute = usage.byItem.filter((row) => row.productName === "Acme Compute");
    expect(compute.map((row) => [row.billable.records, row.awaitingReview.records])).toEqual([
      [0, 12],
      [0, 12],
      [0, 12],
      [0, 12],
      [0, 12],
    ]);
    expect(usage.byCurrency.map((row) => [row.currency, row.billable.records])).toEqual([
      ["EUR", 30],
      ["USD", 0],
    ]);
    expect(await listPeriodUsage(northwindDistributor, "2020-01")).toEqual({
      period: "2020-01",
      byItem: [],
      byCurrency: [],
    });
  });
});
