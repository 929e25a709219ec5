import { afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { notificationTypes } from "@/lib/domain/notifications";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { apiKeysOf, callApi, seededKeyHolders, type ApiAnswer } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { uploadAndProcess } from "@/test/usage-file-state";
import { acmeDraftFileId, acmeVendor, northwindDistributor, recordsHeader, validRow } from "@/test/usage-workbooks";
import { startReceiver, type Receiver } from "@/test/webhook-receiver";
import * as deliveries from "./[id]/deliveries/route";
import * as retry from "./[id]/deliveries/[deliveryId]/retry/route";
import * as rotate from "./[id]/rotate-secret/route";
import * as endpoint from "./[id]/route";
import * as test from "./[id]/test/route";
import * as endpoints from "./route";

vi.hoisted(() => {
  // A receiver on 127.0.0.1 over plain http, and retries in a blink.
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  process.env.WEBHOOK_RETRY_SCHEDULE = "300ms,300ms";
});
vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();
// Seeded (db/seed.ts): Acme's -0002 is Ready and -0003 Pending, both on the Northwind contract, with an internal note.
const ready = "UF-2026-10-1001-0002";
const pending = "UF-2026-10-1001-0003";
const internalNote = "Exported from the metering warehouse, job #4711.";
const everyType = [...notificationTypes];

let receiver: Receiver | undefined;
// Each test's workers stop before the next test empties the tables under them.
afterEach(async () => {
  await stopJobQueue();
  await receiver?.close();
  receiver = undefined;
});

function body(answer: ApiAnswer, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as Record<string, unknown>;
}

/** Creates an endpoint for `path` on the receiver through the API, and tells the receiver its secret. */
async function subscribe(key: string, path: string, events = everyType) {
  const created = body(
    await callApi(endpoints.POST, {
      key,
      path: "/webhooks",
      method: "POST",
      json: { url: receiver!.url(path), events, description: `Receiver ${path}` },
    }),
    201,
  );
  expect(created.secret).toMatch(/^whsec_/);
  receiver!.useSecret(path, created.secret as string);
  return created.id as string;
}

const typesAt = (path: string) => receiver!.at(path).map((hook) => `${hook.payload.type} ${hook.payload.data.id}`);

describe("webhooks", () => {
  it(
    "reach each party signed, the distributor's only from Pending on and without the internal note",
    { timeout: 60_000 },
    async () => {
      await seedDemoData(database.handle.db);
      const keys = await apiKeysOf(seededKeyHolders);
      receiver = await startReceiver();
      await subscribe(keys.acme, "/acme");
      await subscribe(keys.northwind, "/northwind");
      await subscribe(keys.contoso, "/contoso");
      await startWorkers();

      await uploadAndProcess(database.handle.db, acmeDraftFileId, "usage.csv", `${recordsHeader}\n${validRow("R1")}\n`);
      expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);
      expect((await acceptUsageFile(northwindDistributor, ready, { acceptanceNote: "Fine" })).ok).toBe(true);

      await vi.waitFor(() => expect(receiver!.at("/northwind")).toHaveLength(2), { timeout: 20_000 });
      await vi.waitFor(() => expect(receiver!.at("/acme")).toHaveLength(4), { timeout: 20_000 });
      expect(receiver!.unverified).toEqual([]);
      expect(typesAt("/acme")).toEqual([
        `usage_file.uploaded ${acmeDraftFileId}`,
        `usage_file.ready ${acmeDraftFileId}`,
        `usage_file.submitted ${ready}`,
        `usage_file.accepted ${ready}`,
      ]);
      expect(typesAt("/northwind")).toEqual([`usage_file.submitted ${ready}`, `usage_file.accepted ${ready}`]);
      expect(receiver!.at("/acme")[2]!.payload.data).toMatchObject({ internal_note: internalNote });
      for (const hook of receiver!.at("/northwind")) {
        expect(hook.payload.data).toMatchObject({ id: ready, internal_note: null });
        expect(JSON.stringify(hook.payload)).not.toContain(internalNote);
      }
      expect(receiver!.at("/contoso")).toEqual([]);
      expect(new Set(receiver!.received.map((hook) => hook.id)).size).toBe(receiver!.received.length);
    },
  );

  it("retries a failed delivery under the same webhook-id, and logs both attempts", { timeout: 60_000 }, async () => {
    await seedDemoData(database.handle.db);
    const { northwind } = await apiKeysOf({ northwind: seededKeyHolders.northwind });
    receiver = await startReceiver((_hook, seen) => (seen === 1 ? 500 : 204));
    const id = await subscribe(northwind, "/flaky", ["usage_file.accepted"]);
    await startWorkers();

    expect((await acceptUsageFile(northwindDistributor, pending, { acceptanceNote: "Fine" })).ok).toBe(true);
    await vi.waitFor(() => expect(receiver!.at("/flaky")).toHaveLength(2), { timeout: 20_000 });
    const [first, second] = receiver!.at("/flaky");
    expect(second!.id).toBe(first!.id);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(250);
    expect(receiver!.unverified).toEqual([]);

    await vi.waitFor(async () => {
      const log = await callApi(deliveries.GET, { key: northwind, path: `/webhooks/${id}/deliveries`, params: { id } });
      expect(body(log, 200)).toEqual([
        expect.objectContaining({
          id: first!.id,
          event_type: "usage_file.accepted",
          status: "succeeded",
          attempts: 2,
          last_response_status: 204,
          next_attempt_at: null,
        }),
      ]);
    });
  });

  it(
    "gives a delivery up after the schedule, and sends it again on request under its id",
    { timeout: 60_000 },
    async () => {
      await seedDemoData(database.handle.db);
      const { acme } = await apiKeysOf({ acme: seededKeyHolders.acme });
      let down = true;
      receiver = await startReceiver(() => (down ? 503 : 200));
      const id = await subscribe(acme, "/down");
      await startWorkers();

      const sent = body(
        await callApi(test.POST, { key: acme, path: `/webhooks/${id}/test`, method: "POST", json: {}, params: { id } }),
        202,
      );
      const log = () => callApi(deliveries.GET, { key: acme, path: `/webhooks/${id}/deliveries`, params: { id } });
      await vi.waitFor(
        async () =>
          expect(body(await log(), 200)).toEqual([expect.objectContaining({ status: "failed", attempts: 3 })]),
        {
          timeout: 20_000,
        },
      );
      expect(receiver.at("/down").map((hook) => hook.payload.type)).toEqual([
        "webhook.test",
        "webhook.test",
        "webhook.test",
      ]);

      down = false;
      const deliveryId = sent.id as string;
      const retried = await callApi(retry.POST, {
        key: acme,
        path: `/webhooks/${id}/deliveries/${deliveryId}/retry`,
        method: "POST",
        json: {},
        params: { id, deliveryId },
      });
      expect(body(retried, 200)).toMatchObject({ id: deliveryId, status: "pending" });
      await vi.waitFor(
        async () =>
          expect(body(await log(), 200)).toEqual([expect.objectContaining({ status: "succeeded", attempts: 4 })]),
        {
          timeout: 20_000,
        },
      );
      expect(new Set(receiver.at("/down").map((hook) => hook.id))).toEqual(new Set([deliveryId]));
    },
  );

  it("lets an account's users manage its endpoints, admins any, and nobody else", async () => {
    await seedDemoData(database.handle.db);
    const keys = await apiKeysOf({ ...seededKeyHolders, admin: "admin@portal.test" });
    receiver = await startReceiver();
    const id = await subscribe(keys.acme, "/acme");
    const params = { id };

    expect((await callApi(endpoint.GET, { key: keys.globex, path: `/webhooks/${id}`, params })).status).toBe(404);
    expect(
      (await callApi(endpoint.DELETE, { key: keys.northwind, path: `/webhooks/${id}`, method: "DELETE", params }))
        .status,
    ).toBe(404);
    expect(body(await callApi(endpoints.GET, { key: keys.globex, path: "/webhooks" }), 200)).toEqual([]);
    expect(body(await callApi(endpoints.GET, { key: keys.admin, path: "/webhooks" }), 200)).toEqual([
      expect.objectContaining({ id, account_name: "Acme Cloud", events: everyType, enabled: true }),
    ]);
    const shown = body(await callApi(endpoint.GET, { key: keys.acme, path: `/webhooks/${id}`, params }), 200);
    expect(shown).not.toHaveProperty("secret");

    const changed = await callApi(endpoint.PUT, {
      key: keys.admin,
      path: `/webhooks/${id}`,
      method: "PUT",
      json: { events: ["usage_file.rejected"], enabled: false },
      params,
    });
    expect(body(changed, 200)).toMatchObject({ events: ["usage_file.rejected"], enabled: false });

    const rotated = body(
      await callApi(rotate.POST, {
        key: keys.acme,
        path: `/webhooks/${id}/rotate-secret`,
        method: "POST",
        json: {},
        params,
      }),
      200,
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(
      body(await callApi(endpoint.DELETE, { key: keys.acme, path: `/webhooks/${id}`, method: "DELETE", params }), 200),
    ).toEqual({
      id,
      deleted: true,
    });
    expect((await callApi(endpoint.GET, { key: keys.acme, path: `/webhooks/${id}`, params })).status).toBe(404);
  });

  it("refuses an unknown event type, and a vendor naming another account", async () => {
    await seedDemoData(database.handle.db);
    const { acme } = await apiKeysOf({ acme: seededKeyHolders.acme });
    const create = (json: unknown) => callApi(endpoints.POST, { key: acme, path: "/webhooks", method: "POST", json });
    expect((await create({ url: "https://billing.invalid/", events: ["usage_file.eaten"] })).status).toBe(400);
    expect((await create({ url: "https://billing.invalid/", events: [] })).status).toBe(400);
    expect(
      (await create({ url: "https://billing.invalid/", events: ["usage_file.ready"], account_id: "ACC-0003" })).status,
    ).toBe(403);
  });
});
