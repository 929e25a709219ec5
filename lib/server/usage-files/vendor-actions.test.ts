import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { withTestDatabase } from "@/test/db";
import { usageFileRow } from "@/test/usage-file-state";
import { acmeVendor, globexVendor, northwindDistributor } from "@/test/usage-workbooks";
import { deleteUsageFile } from "./delete-usage-file";
import { submitUsageFile } from "./submit-usage-file";

const database = withTestDatabase();

// Seeded Acme files (db/seed.ts): -0001 Draft, -0002 Ready, -0003 Pending.
const draft = "UF-2026-10-1001-0001";
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";

describe("submitting a usage file", () => {
  it("moves a Ready file to Pending and records who did it", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await submitUsageFile(acmeVendor, ready)).toMatchObject({ ok: true, value: { status: "pending" } });
    expect((await usageFileRow(db, ready)).status).toBe("pending");
    const events = await db.query.events.findMany({ where: (e, { eq }) => eq(e.objectId, ready) });
    expect(events.map((e) => [e.action, e.actorUserId])).toContainEqual(["submit", acmeVendor.userId]);
  });

  it("refuses a file that is not Ready, naming why, and changes nothing", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await submitUsageFile(acmeVendor, draft)).toEqual({
      ok: false,
      code: "invalid_transition",
      message: "This usage file is Draft; only Ready, Rejected files can be submitted.",
    });
    expect((await usageFileRow(db, draft)).status).toBe("draft");
  });

  it("lets exactly one of two simultaneous submits win", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const outcomes = await Promise.all([submitUsageFile(acmeVendor, ready), submitUsageFile(acmeVendor, ready)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const events = await db.query.events.findMany({
      where: (e, { and, eq }) => and(eq(e.objectId, ready), eq(e.action, "submit")),
    });
    expect(events).toHaveLength(1);
  });

  it("answers not found to another vendor and to the distributor, and leaves the file as it was", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await submitUsageFile(globexVendor, ready)).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitUsageFile(northwindDistributor, ready)).toMatchObject({ ok: false, code: "not_found" });
    expect((await usageFileRow(db, ready)).status).toBe("ready");
  });
});

describe("deleting a usage file", () => {
  it("soft-deletes a Draft: kept for the audit, gone from the vendor's view", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await deleteUsageFile(acmeVendor, draft)).toMatchObject({ ok: true });
    expect((await usageFileRow(db, draft)).status).toBe("deleted");
    expect(await deleteUsageFile(acmeVendor, draft)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a Pending file: it is with the distributor", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await deleteUsageFile(acmeVendor, pending)).toMatchObject({ ok: false, code: "invalid_transition" });
    expect((await usageFileRow(db, pending)).status).toBe("pending");
  });

  it("refuses the distributor even on a file it can see", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await deleteUsageFile(northwindDistributor, pending)).toMatchObject({ ok: false, code: "forbidden" });
  });
});
