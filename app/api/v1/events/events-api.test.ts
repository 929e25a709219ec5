import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { publishNotification } from "@/lib/server/notifications/publish";
import { listEvents } from "@/lib/server/queries/notifications";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { apiKeysOf, callApi, seededKeyHolders } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { createAcmeFile, uploadAndProcess } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, recordsHeader, validRow } from "@/test/usage-workbooks";
import * as events from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's -0002 is Ready on the Northwind contract, with an internal note.
const ready = "UF-2026-10-1001-0002";
const internalNote = "Exported from the metering warehouse, job #4711.";

interface EventsPage {
  events: { id: string; type: string; timestamp: string; data: Record<string, unknown> }[];
  next_cursor: string | null;
}

async function eventsAs(key: string, query = ""): Promise<EventsPage> {
  const answer = await callApi(events.GET, { key, path: `/events${query}` });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as EventsPage;
}

/**
 * Events show once every older transaction on the server has ended, other databases' too (a shared
 * server's other sessions hold them back a moment): waits until those written so far show.
 */
async function eventsSettled(): Promise<void> {
  await vi.waitFor(
    async () => {
      const [row] = await database.handle.rows<{ settled: boolean }>(
        "SELECT coalesce(max(txid) < pg_snapshot_xmin(pg_current_snapshot()), true) AS settled FROM notifications",
      );
      expect(row!.settled).toBe(true);
    },
    { timeout: 20_000 },
  );
}

const typesOf = (page: EventsPage) => page.events.map((event) => `${event.type} ${event.data.id}`);

describe("GET /events", () => {
  it("shows each party what happened to the files it may see, the distributor nothing before Pending", async () => {
    await seedDemoData(database.handle.db);
    const keys = await apiKeysOf(seededKeyHolders);
    await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", `${recordsHeader}\n${validRow("R1")}\n`);
    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);
    await eventsSettled();

    const vendorView = await eventsAs(keys.acme);
    expect(typesOf(vendorView)).toEqual([
      `usage_file.uploaded ${acmeDraftFileId}`,
      `usage_file.ready ${acmeDraftFileId}`,
      `usage_file.submitted ${ready}`,
    ]);
    expect(vendorView.events[2]!.data).toMatchObject({ status: "pending", internal_note: internalNote });

    const distributorView = await eventsAs(keys.northwind);
    expect(typesOf(distributorView)).toEqual([`usage_file.submitted ${ready}`]);
    expect(distributorView.events[0]!.data).toMatchObject({
      id: ready,
      status: "pending",
      internal_note: null,
      vendor_name: "Acme Cloud",
    });
    expect(JSON.stringify(distributorView)).not.toContain(internalNote);

    expect((await eventsAs(keys.contoso)).events).toEqual([]);
    expect((await eventsAs(keys.globex)).events).toEqual([]);
  });

  it("reads on from a cursor, page by page, and filters by type", async () => {
    await seedDemoData(database.handle.db);
    const { acme } = await apiKeysOf({ acme: seededKeyHolders.acme });
    for (const name of ["One", "Two", "Three"]) await createAcmeFile(name);
    await eventsSettled();

    const first = await eventsAs(acme, "?limit=2");
    expect(first.events.map((e) => e.data.name)).toEqual(["One", "Two"]);
    const second = await eventsAs(acme, `?limit=2&after=${first.next_cursor}`);
    expect(second.events.map((e) => e.data.name)).toEqual(["Three"]);
    const caughtUp = await eventsAs(acme, `?after=${second.next_cursor}`);
    expect(caughtUp).toEqual({ events: [], next_cursor: second.next_cursor });

    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);
    await eventsSettled();
    expect(typesOf(await eventsAs(acme, `?after=${second.next_cursor}`))).toEqual([`usage_file.submitted ${ready}`]);
    expect(typesOf(await eventsAs(acme, "?types=usage_file.submitted,usage_file.closed"))).toEqual([
      `usage_file.submitted ${ready}`,
    ]);
  });

  it("refuses a bad cursor or an unknown type", async () => {
    await seedDemoData(database.handle.db);
    const { acme } = await apiKeysOf({ acme: seededKeyHolders.acme });
    expect((await callApi(events.GET, { key: acme, path: "/events?after=12" })).status).toBe(400);
    expect((await callApi(events.GET, { key: acme, path: "/events?types=usage_file.eaten" })).status).toBe(400);
  });

  it("never lets a reader's cursor pass an event whose transaction commits late", async () => {
    await seedDemoData(database.handle.db);
    const db = database.handle.db;
    let commitSlow!: () => void;
    const slowHolds = new Promise<void>((resolve) => (commitSlow = resolve));
    let slowWrote!: () => void;
    const slowHasWritten = new Promise<void>((resolve) => (slowWrote = resolve));
    const slow = db.transaction(async (tx) => {
      await publishNotification(tx, { type: "usage_file.created", usageFileId: acmeDraftFileId, actor: null });
      slowWrote();
      await slowHolds;
    });
    await slowHasWritten;
    await db.transaction((tx) =>
      publishNotification(tx, { type: "usage_file.created", usageFileId: ready, actor: null }),
    );

    const whileOpen = await listEvents(acmeVendor, { limit: 100 });
    expect(whileOpen.events).toEqual([]);
    commitSlow();
    await slow;
    await eventsSettled();
    const afterCommit = await listEvents(acmeVendor, { after: whileOpen.nextCursor ?? undefined, limit: 100 });
    expect(afterCommit.events.map((event) => event.data.id)).toEqual([acmeDraftFileId, ready]);
  });
});
