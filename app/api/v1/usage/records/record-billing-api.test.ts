import { PassThrough } from "node:stream";
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { events } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { acmeVendor, northwindDistributor } from "@/test/admin-fixtures";
import { apiKeysOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { visibleRecords } from "@/test/usage-file-state";
import { closeRemainingRecords, closeUsageRecord } from "@/lib/server/usage-records/close-usage-records";
import { listUsageFileHistory } from "@/lib/server/queries/usage-file-history";
import { exportUsageFile } from "@/lib/server/usage-records/export-usage-records";
import * as record from "./[id]/route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

// Seeded (db/seed.ts): Acme's -0005 is Accepted by Northwind, with 30 records, none closed yet.
const accepted = "UF-2026-10-1001-0005";

const keys = { acme: "", northwind: "", contoso: "", admin: "" };
let ids: string[] = [];

beforeEach(async () => {
  await seedDemoData(database.handle.db);
  Object.assign(
    keys,
    await apiKeysOf({
      acme: "vendor@acme.test",
      northwind: "distributor@northwind.test",
      contoso: "reseller@contoso.test",
      admin: "admin@portal.test",
    }),
  );
  ids = (await visibleRecords(database.handle.db, accepted)).map((r) => `UR-${r.id}`);
  const closed = await closeUsageRecord(northwindDistributor, accepted, {
    recordId: ids[0]!,
    externalBillingId: "INV-1",
    externalBillingNote: "March run",
  });
  expect(closed.ok).toBe(true);
});

const put = (key: string, id: string, json: unknown) =>
  callApi(record.PUT, { key, path: `/usage/records/${id}`, method: "PUT", json, params: { id } });

function billingEvents() {
  return database.handle.db
    .select({ details: events.details })
    .from(events)
    .where(and(eq(events.objectId, accepted), eq(events.action, "record_billing_changed")))
    .orderBy(asc(events.id));
}

describe("PUT /usage/records/{id}", () => {
  it("lets the file's distributor correct a closed record's billing id, the history keeping old and new", async () => {
    const answer = await put(keys.northwind, ids[0]!, { external_billing_id: "INV-1b" });
    expect(answer).toMatchObject({
      status: 200,
      body: { id: ids[0], status: "closed", external_billing_id: "INV-1b", external_billing_note: "March run" },
    });
    const noted = await put(keys.northwind, ids[0]!, { external_billing_note: "" });
    expect(noted.body).toMatchObject({ external_billing_id: "INV-1b", external_billing_note: null });

    expect(await billingEvents()).toEqual([
      { details: { recordId: ids[0], changes: { externalBillingId: { from: "INV-1", to: "INV-1b" } } } },
      { details: { recordId: ids[0], changes: { externalBillingNote: { from: "March run", to: null } } } },
    ]);
    const history = await listUsageFileHistory(acmeVendor, accepted);
    expect(history!.at(-1)).toMatchObject({ action: "record_billing_changed", actorName: expect.any(String) });
  });

  it("writes nothing when the edit changes nothing", async () => {
    const same = await put(keys.northwind, ids[0]!, {
      external_billing_id: "INV-1",
      external_billing_note: "March run",
    });
    expect(same).toMatchObject({ status: 200, body: { external_billing_id: "INV-1" } });
    expect(await billingEvents()).toEqual([]);
  });

  it("refuses a record that is not closed, anyone but the file's distributor, and a bad body", async () => {
    const open = await put(keys.northwind, ids[1]!, { external_billing_id: "INV-2" });
    expect([open.status, open.body]).toEqual([
      409,
      {
        error_code: "INVALID_TRANSITION",
        errors: [`Record ${ids[1]} is Accepted; only a closed record's billing reference can change.`],
      },
    ]);
    expect((await put(keys.acme, ids[0]!, { external_billing_id: "INV-X" })).status).toBe(403);
    expect((await put(keys.admin, ids[0]!, { external_billing_id: "INV-X" })).status).toBe(403);
    expect((await put(keys.contoso, ids[0]!, { external_billing_id: "INV-X" })).status).toBe(404);
    expect((await put(keys.northwind, "UR-999999999", { external_billing_id: "INV-X" })).status).toBe(404);
    expect((await put(keys.northwind, ids[0]!, {})).status).toBe(400);
    expect((await put(keys.northwind, ids[0]!, { external_billing_id: " " })).status).toBe(400);
    expect((await put(keys.northwind, ids[0]!, { billing_id: "INV-X" })).status).toBe(400);

    expect(await billingEvents()).toEqual([]);
    const [first] = await visibleRecords(database.handle.db, accepted);
    expect([first!.externalBillingId, first!.externalBillingNote]).toEqual(["INV-1", "March run"]);
  });

  it("gives a record closed by its file's reference its own, which the export then shows", async () => {
    const closed = await closeRemainingRecords(northwindDistributor, accepted, {
      externalBillingId: "INV-ALL",
      externalBillingNote: "the rest",
    });
    expect(closed.ok).toBe(true);
    const answer = await put(keys.northwind, ids[1]!, { external_billing_note: "credit note 7" });
    expect(answer.body).toMatchObject({ external_billing_id: "INV-ALL", external_billing_note: "credit note 7" });
    expect(await billingEvents()).toEqual([
      { details: { recordId: ids[1], changes: { externalBillingNote: { from: "the rest", to: "credit note 7" } } } },
    ]);
    const untouched = await callApi(record.GET, {
      key: keys.northwind,
      path: `/usage/records/${ids[2]}`,
      params: { id: ids[2]! },
    });
    expect(untouched.body).toMatchObject({ external_billing_id: "INV-ALL", external_billing_note: "the rest" });

    const download = await exportUsageFile(northwindDistributor, accepted, "csv");
    if (!download.ok) throw new Error(download.message);
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    await download.value.write(out);
    const lines = Buffer.concat(chunks).toString("utf8").split("\n");
    expect(lines.find((line) => line.startsWith(`${ids[1]},`))).toContain("INV-ALL,credit note 7");
    expect(lines.find((line) => line.startsWith(`${ids[2]},`))).toContain("INV-ALL,the rest");
  });
});
