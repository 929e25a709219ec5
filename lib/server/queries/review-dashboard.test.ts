import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { demoPeriodStart, northwindDistributor } from "@/test/usage-workbooks";
import { listPeriodTotals, listReviewQueues } from "./review-dashboard";

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

  it("totals the period per vendor, product and item from the files' stats, leaving out rejected files", async () => {
    await seedDemoData(database.handle.db);
    const totals = await listPeriodTotals(northwindDistributor, period);
    expect(totals.find((row) => row.itemName === "Backup storage")).toEqual({
      vendorName: "Acme Cloud",
      productName: "Acme Backup",
      itemId: "PRD-100-002-0001",
      itemName: "Backup storage",
      unit: "TB-month",
      files: 1,
      records: 15,
      quantity: "6933.75",
      amount: "79.5",
    });
    // Acme Compute: only the Pending -0003 (the Rejected -0006 is left out), 12 records per item.
    expect(totals.filter((row) => row.productName === "Acme Compute").map((row) => row.records)).toEqual([
      12, 12, 12, 12, 12,
    ]);
    expect(await listPeriodTotals(northwindDistributor, "2020-01")).toEqual([]);
  });
});
