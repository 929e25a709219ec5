import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usageFiles, usageRecords } from "@/db/schema";
import { demoUsers, seedDemoData } from "@/db/seed";
import { usageRecordApiQuery } from "@/lib/server/api/api-query";
import type { Actor } from "@/lib/domain/permissions";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { listVisibleUsageRecordWindow } from "./usage-records";

const database = withTestDatabase();

// Seeded (db/seed.ts), by file: its status, contract's reviewer, records.
const files = {
  "UF-2026-10-1001-0002": { status: "ready", vendor: "acme", reviewer: "northwind", records: 40 },
  "UF-2026-10-1001-0003": { status: "pending", vendor: "acme", reviewer: "northwind", records: 60 },
  "UF-2026-10-1001-0004": { status: "pending", vendor: "acme", reviewer: "contoso", records: 25 },
  "UF-2026-10-1001-0005": { status: "accepted", vendor: "acme", reviewer: "northwind", records: 30 },
  "UF-2026-10-1001-0006": { status: "rejected", vendor: "acme", reviewer: "northwind", records: 20 },
  "UF-2026-10-2001-0001": { status: "pending", vendor: "globex", reviewer: "northwind", records: 35 },
} as const;
type FileId = keyof typeof files;

function actorOf(email: string): Actor {
  const user = demoUsers.find((u) => u.email === email)!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
}
const contosoReseller = actorOf("reseller@contoso.test");
const admin = actorOf("admin@portal.test");

async function list(actor: Actor, params: Record<string, string> = {}) {
  const { filters, sort, window } = usageRecordApiQuery.parse({ limit: "1000", ...params });
  return listVisibleUsageRecordWindow(actor, filters, sort, window);
}

function filesIn(listed: Awaited<ReturnType<typeof list>>): string[] {
  return [...new Set(listed.rows.map((row) => row.usageFileId))].sort();
}

async function allRecords() {
  const rows = [];
  for (const id of Object.keys(files) as FileId[]) {
    rows.push(...(await visibleRecords(database.handle.db, id)).map((r) => ({ ...r, usageFileId: id })));
  }
  // The row order across files: file after file, each in its rows' order.
  return rows.sort((a, b) => a.usageFileId.localeCompare(b.usageFileId) || a.id - b.id);
}

describe("records across every usage file the actor may see", () => {
  it("keeps each role to its files: a distributor to its contracts' files from Pending on, a vendor to its own", async () => {
    await seedDemoData(database.handle.db);
    const filesWhere = (predicate: (file: (typeof files)[FileId]) => boolean) =>
      (Object.keys(files) as FileId[]).filter((id) => predicate(files[id])).sort();
    const northwind = await list(northwindDistributor);
    expect(filesIn(northwind)).toEqual(filesWhere((f) => f.reviewer === "northwind" && f.status !== "ready"));
    expect(northwind.total).toBe(60 + 30 + 20 + 35);
    expect(filesIn(await list(contosoReseller))).toEqual(["UF-2026-10-1001-0004"]);
    expect(filesIn(await list(acmeVendor))).toEqual(filesWhere((f) => f.vendor === "acme"));
    expect(filesIn(await list(globexVendor))).toEqual(["UF-2026-10-2001-0001"]);
    expect((await list(admin)).total).toBe(210);
  });

  it("gives each record its own file's status, and filters by status across files in different statuses", async () => {
    await seedDemoData(database.handle.db);
    const accepted: FileId = "UF-2026-10-1001-0005";
    const [first, second] = await visibleRecords(database.handle.db, accepted);
    await database.handle.db
      .update(usageRecords)
      .set({ closedAt: new Date(), externalBillingId: "INV-1" })
      .where(and(eq(usageRecords.usageFileId, accepted), eq(usageRecords.id, first!.id)));
    const all = await list(acmeVendor);
    for (const row of all.rows) {
      if (row.record.id === first!.id) expect(row.record.status).toBe("closed");
      else
        expect(row.record.status).toBe(
          { ready: "validated", pending: "pending", accepted: "accepted", rejected: "rejected" }[
            files[row.usageFileId as FileId].status
          ],
        );
    }
    const statusOf = async (status: string) => {
      const listed = await list(acmeVendor, { status });
      return {
        files: filesIn(listed),
        total: listed.total,
        statuses: [...new Set(listed.rows.map((r) => r.record.status))],
      };
    };
    expect(await statusOf("pending")).toEqual({
      files: ["UF-2026-10-1001-0003", "UF-2026-10-1001-0004"],
      total: 85,
      statuses: ["pending"],
    });
    expect(await statusOf("accepted")).toEqual({ files: [accepted], total: 29, statuses: ["accepted"] });
    expect(await statusOf("closed")).toEqual({ files: [accepted], total: 1, statuses: ["closed"] });
    expect(await statusOf("validated")).toEqual({
      files: ["UF-2026-10-1001-0002"],
      total: 40,
      statuses: ["validated"],
    });
    expect((await statusOf("invalid")).total).toBe(0);

    // Closing every remaining record with one billing id makes all of the file's valid records closed.
    await database.handle.db.update(usageFiles).set({ billingId: "INV-ALL" }).where(eq(usageFiles.id, accepted));
    expect(await statusOf("closed")).toEqual({ files: [accepted], total: 30, statuses: ["closed"] });
    expect((await statusOf("accepted")).total).toBe(0);
    expect(
      (await list(acmeVendor, { status: "closed" })).rows.find((r) => r.record.id === second!.id)?.record
        .externalBillingId,
    ).toBe("INV-ALL");
  });

  it("filters by asset, item and start day across files", async () => {
    await seedDemoData(database.handle.db);
    const records = await allRecords();
    const acme = records.filter((r) => files[r.usageFileId].vendor === "acme");
    const ids = (listed: Awaited<ReturnType<typeof list>>) => listed.rows.map((r) => r.record.id);

    const asset = acme.find((r) => r.subscriptionId)!.subscriptionId!;
    const byAsset = await list(acmeVendor, { "asset.id": asset });
    expect(ids(byAsset)).toEqual(acme.filter((r) => r.subscriptionId === asset).map((r) => r.id));
    expect(filesIn(byAsset).length).toBeGreaterThan(1);

    const item = acme.find((r) => r.itemId)!.itemId!;
    expect(ids(await list(acmeVendor, { "item.id": item }))).toEqual(
      acme.filter((r) => r.itemId === item).map((r) => r.id),
    );
    const byMpn = await list(acmeVendor, { "item.mpn": "ACME-BKP-TB" });
    expect(byMpn.rows.length).toBeGreaterThan(0);
    expect(byMpn.rows.every((r) => r.record.itemMpn === "ACME-BKP-TB")).toBe(true);

    const day = acme[3]!.startTime!.toISOString().slice(0, 10);
    const byDay = await list(acmeVendor, { start_from: day, start_to: day });
    expect(ids(byDay)).toEqual(acme.filter((r) => r.startTime!.toISOString().startsWith(day)).map((r) => r.id));
    // Another vendor's records never match, whatever the filter.
    expect((await list(globexVendor, { "asset.id": asset })).rows).toEqual([]);
  });

  it("orders with order_by and pages by offset, with a total", async () => {
    await seedDemoData(database.handle.db);
    const records = (await allRecords()).filter(
      (r) => files[r.usageFileId].reviewer === "northwind" && files[r.usageFileId].status !== "ready",
    );
    const byRowDesc = await list(northwindDistributor, { order_by: "-row", limit: "10", offset: "20" });
    expect(byRowDesc.rows.map((r) => r.record.id)).toEqual(
      records
        .map((r) => r.id)
        .reverse()
        .slice(20, 30),
    );
    expect(byRowDesc.total).toBe(records.length);
    expect(byRowDesc.totalIsLowerBound).toBe(false);

    const byQuantity = await list(northwindDistributor, { order_by: "quantity" });
    const quantities = byQuantity.rows.map((r) => Number(r.record.quantity));
    expect(quantities).toEqual([...quantities].sort((a, b) => a - b));
    expect(byQuantity.rows.map((r) => r.usageFileId)).toContain("UF-2026-10-2001-0001");
  });
});
