import { hostname } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { privateAddressProblem } from "@/lib/domain/webhooks";
import { deliverDue } from "@/lib/server/webhooks/deliver";
import { apiKeyOf, callApi } from "@/test/api";
import { withTestDatabase } from "@/test/db";
import { startReceiver } from "@/test/webhook-receiver";
import * as deliveries from "./[id]/deliveries/route";
import * as test from "./[id]/test/route";
import * as endpoints from "./route";

vi.mock("next/headers", async () => {
  const { requestHeaders } = await import("@/test/api");
  return { headers: async () => requestHeaders() };
});
vi.mock("@/lib/server/auth", () => ({ auth: async () => null }));

const database = withTestDatabase();

// WEBHOOK_ALLOW_PRIVATE_URLS is not set here: the portal as deployed.
describe("webhook URLs that point inside the network (SSRF)", () => {
  it("are refused when saved: plain http, loopback, private and link-local addresses", async () => {
    await seedDemoData(database.handle.db);
    const key = await apiKeyOf("vendor@acme.test");
    for (const url of [
      "http://billing.invalid/hooks",
      "https://127.0.0.1/hooks",
      "https://[::1]/hooks",
      "https://192.168.0.10/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://localhost/hooks",
    ]) {
      const answer = await callApi(endpoints.POST, {
        key,
        path: "/webhooks",
        method: "POST",
        json: { url, events: ["usage_file.ready"] },
      });
      expect(answer.status, url).toBe(422);
    }
    expect(await database.handle.rows("SELECT id FROM webhook_endpoints")).toEqual([]);
  });

  it("are refused when delivered to, for a name that resolves to a private address then", async () => {
    await seedDemoData(database.handle.db);
    const key = await apiKeyOf("vendor@acme.test");
    const receiver = await startReceiver();
    try {
      const created = await callApi(endpoints.POST, {
        key,
        path: "/webhooks",
        method: "POST",
        json: { url: `https://${hostname()}:${receiver.port}/hooks`, events: ["usage_file.ready"] },
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const queued = await callApi(test.POST, {
        key,
        path: `/webhooks/${id}/test`,
        method: "POST",
        json: {},
        params: { id },
      });
      expect(queued.status).toBe(202);

      await deliverDue(id);
      const log = await callApi(deliveries.GET, { key, path: `/webhooks/${id}/deliveries`, params: { id } });
      expect(log.body).toEqual([
        expect.objectContaining({
          status: "pending",
          attempts: 1,
          last_response_status: null,
          last_error: privateAddressProblem,
        }),
      ]);
      expect(receiver.received).toEqual([]);
      expect(receiver.unverified).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
