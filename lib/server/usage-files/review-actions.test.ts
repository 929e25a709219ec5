import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/db/seed";
import { usageFiles } from "@/db/schema";
import { defaultAcceptanceNote } from "@/lib/domain/usage-file-review";
import type { EventAction } from "@/lib/domain/events";
import { withTestDatabase } from "@/test/db";
import { usageFileRow, visibleRecords } from "@/test/usage-file-state";
import { acmeVendor, northwindDistributor } from "@/test/usage-workbooks";
import { closeRemainingRecords, closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { acceptUsageFile } from "./accept-usage-file";
import { closeUsageFile } from "./close-usage-file";
import { rejectUsageFile } from "./reject-usage-file";

const database = withTestDatabase();

// Seeded files (db/seed.ts): Acme -0003 Pending (Northwind), -0004 Pending (Contoso), -0005 Accepted (Northwind), -0002 Ready, -0001 Draft.
const pending = "UF-2026-10-1001-0003";
const contosoPending = "UF-2026-10-1001-0004";
const accepted = "UF-2026-10-1001-0005";
const ready = "UF-2026-10-1001-0002";
const draft = "UF-2026-10-1001-0001";
const contosoReseller = { userId: "USR-0006", accountId: "ACC-0005", role: "distributor" as const };

async function eventsOf(id: string, action: EventAction) {
  const db = database.handle.db;
  return db.query.events.findMany({ where: (e, { and, eq }) => and(eq(e.objectId, id), eq(e.action, action)) });
}

describe("accepting and rejecting a usage file", () => {
  it("accepts a Pending file with its note and records who did it", async () => {
    await seedDemoData(database.handle.db);
    expect(
      await acceptUsageFile(northwindDistributor, pending, { acceptanceNote: defaultAcceptanceNote }),
    ).toMatchObject({
      ok: true,
      value: { status: "accepted", acceptanceNote: defaultAcceptanceNote },
    });
    const [event] = await eventsOf(pending, "accept");
    expect(event).toMatchObject({ actorUserId: northwindDistributor.userId, details: { note: defaultAcceptanceNote } });
  });

  it("rejects a Pending file with the note the vendor will read", async () => {
    await seedDemoData(database.handle.db);
    const note = "Quantities are doubled.";
    expect(await rejectUsageFile(northwindDistributor, pending, { rejectionNote: note })).toMatchObject({
      ok: true,
      value: { status: "rejected", rejectionNote: note },
    });
    expect(await eventsOf(pending, "reject")).toHaveLength(1);
  });

  it("refuses to act on a file already decided, saying why, and changes nothing", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const before = await usageFileRow(db, accepted);
    expect(await rejectUsageFile(northwindDistributor, accepted, { rejectionNote: "Too late" })).toEqual({
      ok: false,
      code: "invalid_transition",
      message: "This usage file is Accepted; only Pending files can be rejected.",
    });
    expect(await acceptUsageFile(northwindDistributor, accepted, { acceptanceNote: "again" })).toMatchObject({
      code: "invalid_transition",
    });
    expect(await usageFileRow(db, accepted)).toEqual(before);
  });

  it("lets exactly one of two simultaneous decisions win", async () => {
    await seedDemoData(database.handle.db);
    const outcomes = await Promise.all([
      acceptUsageFile(northwindDistributor, pending, { acceptanceNote: "yes" }),
      acceptUsageFile(northwindDistributor, pending, { acceptanceNote: "yes" }),
      rejectUsageFile(northwindDistributor, pending, { rejectionNote: "no" }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect([...(await eventsOf(pending, "accept")), ...(await eventsOf(pending, "reject"))]).toHaveLength(1);
  });

  it("answers not found to the distributor of another contract, to a file not yet submitted, and forbids the vendor", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(await acceptUsageFile(contosoReseller, pending, { acceptanceNote: "x" })).toMatchObject({
      code: "not_found",
    });
    expect(await acceptUsageFile(northwindDistributor, contosoPending, { acceptanceNote: "x" })).toMatchObject({
      code: "not_found",
    });
    expect(await acceptUsageFile(northwindDistributor, ready, { acceptanceNote: "x" })).toMatchObject({
      code: "not_found",
    });
    expect(await rejectUsageFile(northwindDistributor, draft, { rejectionNote: "x" })).toMatchObject({
      code: "not_found",
    });
    expect(await getUsageFile(northwindDistributor, draft)).toBeNull();
    expect(await getUsageFile(northwindDistributor, ready)).toBeNull();
    expect(await acceptUsageFile(acmeVendor, pending, { acceptanceNote: "x" })).toMatchObject({ code: "forbidden" });
    expect((await usageFileRow(db, pending)).status).toBe("pending");
  });
});

describe("what a distributor is shown of a file", () => {
  it("never carries the vendor's internal note, before or after a decision", async () => {
    await seedDemoData(database.handle.db);
    expect(await getUsageFile(northwindDistributor, pending)).toMatchObject({ internalNote: null });
    await acceptUsageFile(northwindDistributor, pending, { acceptanceNote: "ok" });
    expect(await getUsageFile(northwindDistributor, pending)).toMatchObject({ status: "accepted", internalNote: null });
    expect((await getUsageFile(acmeVendor, pending))?.internalNote).toContain("metering warehouse");
  });
});

describe("closing records and files", () => {
  async function recordIds(id: string) {
    return (await visibleRecords(database.handle.db, id)).map((r) => `UR-${r.id}`);
  }

  it("closes selected records with their billing ids and reports the others one by one", async () => {
    await seedDemoData(database.handle.db);
    const [first, second] = await recordIds(accepted);
    const otherFile = (await recordIds(pending))[0]!;
    await closeUsageRecords(
      northwindDistributor,
      accepted,
      [{ recordId: first!, externalBillingId: "INV-1", externalBillingNote: "" }],
      "selection",
    );
    const result = await closeUsageRecords(
      northwindDistributor,
      accepted,
      [
        { recordId: first!, externalBillingId: "INV-2", externalBillingNote: "" },
        { recordId: second!, externalBillingId: "INV-2", externalBillingNote: "march" },
        { recordId: otherFile, externalBillingId: "INV-2", externalBillingNote: "" },
        { recordId: "nonsense", externalBillingId: "INV-2", externalBillingNote: "" },
      ],
      "selection",
    );
    expect(result).toEqual({
      ok: true,
      value: {
        closed: [second],
        refused: [
          { recordId: first, reason: "already_closed" },
          { recordId: otherFile, reason: "not_found" },
          { recordId: "nonsense", reason: "not_found" },
        ],
      },
    });
    const records = await visibleRecords(database.handle.db, accepted);
    expect(records.find((r) => `UR-${r.id}` === first)).toMatchObject({
      externalBillingId: "INV-1",
      closedBy: northwindDistributor.userId,
    });
    expect(records.find((r) => `UR-${r.id}` === second)).toMatchObject({
      externalBillingId: "INV-2",
      externalBillingNote: "march",
    });
    expect(await eventsOf(accepted, "close_records")).toHaveLength(2);
  });

  it("refuses to close records of a file that is not Accepted, or of another contract", async () => {
    await seedDemoData(database.handle.db);
    const [record] = await recordIds(pending);
    const closing = [{ recordId: record!, externalBillingId: "INV-1", externalBillingNote: "" }];
    expect(await closeUsageRecords(northwindDistributor, pending, closing, "selection")).toMatchObject({
      code: "invalid_transition",
    });
    expect(await closeUsageRecords(contosoReseller, accepted, closing, "selection")).toMatchObject({
      code: "not_found",
    });
  });

  it("will not close a file with open records unless a billing reference closes them all", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    expect(
      await closeUsageFile(northwindDistributor, accepted, { externalBillingId: undefined, externalBillingNote: "" }),
    ).toMatchObject({ code: "validation_failed" });
    expect((await usageFileRow(db, accepted)).status).toBe("accepted");
    expect(
      await closeUsageFile(northwindDistributor, accepted, {
        externalBillingId: "INV-ALL",
        externalBillingNote: "October",
      }),
    ).toMatchObject({
      ok: true,
      value: { status: "closed", billingId: "INV-ALL", billingNote: "October" },
    });
    expect(
      await closeUsageFile(northwindDistributor, accepted, { externalBillingId: undefined, externalBillingNote: "" }),
    ).toMatchObject({ code: "invalid_transition" });
  });

  it("closes a file once every record is closed, one by one or all remaining at once", async () => {
    const db = database.handle.db;
    await seedDemoData(db);
    const [first] = await recordIds(accepted);
    await closeUsageRecords(
      northwindDistributor,
      accepted,
      [{ recordId: first!, externalBillingId: "INV-1", externalBillingNote: "" }],
      "selection",
    );
    expect(
      await closeRemainingRecords(northwindDistributor, accepted, {
        externalBillingId: "INV-REST",
        externalBillingNote: "",
      }),
    ).toEqual({
      ok: true,
      value: { billingId: "INV-REST" },
    });
    expect(
      await closeRemainingRecords(northwindDistributor, accepted, {
        externalBillingId: "INV-AGAIN",
        externalBillingNote: "",
      }),
    ).toMatchObject({ code: "conflict" });
    expect(
      await closeUsageFile(northwindDistributor, accepted, { externalBillingId: "INV-AGAIN", externalBillingNote: "" }),
    ).toMatchObject({ code: "conflict" });
    expect(
      await closeUsageFile(northwindDistributor, accepted, { externalBillingId: undefined, externalBillingNote: "" }),
    ).toMatchObject({ ok: true, value: { status: "closed" } });
    const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, accepted));
    expect(file).toMatchObject({ status: "closed", billingId: "INV-REST" });
    expect((await visibleRecords(db, accepted)).find((r) => `UR-${r.id}` === first)?.externalBillingId).toBe("INV-1");
  });
});
