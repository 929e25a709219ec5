import { once } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { withTestDatabase } from "@/test/db";
import { killWorkerProcesses, startWorkerProcess } from "@/test/worker-process";
import { createAcmeFile } from "@/test/usage-file-state";
import { acmeVendor } from "@/test/usage-workbooks";
import { startReceiver, type Receiver } from "@/test/webhook-receiver";
import { createWebhookEndpoint } from "./manage-webhooks";

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
});

const database = withTestDatabase();
let receiver: Receiver | undefined;
const startWorker = () => startWorkerProcess(database.handle.url, { WEBHOOK_ALLOW_PRIVATE_URLS: "true" });

afterEach(async () => {
  await killWorkerProcesses();
  await receiver?.close();
});

async function deliveryStatuses() {
  return database.handle.rows<{ status: string }>("SELECT status FROM webhook_deliveries ORDER BY seq");
}

describe("a worker killed while it delivers webhooks", () => {
  it(
    "loses none: the next worker sends every pending delivery, the cut one again under its id",
    { timeout: 120_000 },
    async () => {
      await seedDemoData(database.handle.db);
      let hungOnce = false;
      receiver = await startReceiver(() => {
        if (hungOnce) return 200;
        hungOnce = true;
        return "hang";
      });
      const endpoint = await createWebhookEndpoint(acmeVendor, {
        url: receiver.url("/acme"),
        events: ["usage_file.created", "usage_file.submitted"],
        description: "",
      });
      if (!endpoint.ok) throw new Error(endpoint.message);
      receiver.useSecret("/acme", endpoint.value.secret);

      expect((await submitUsageFile(acmeVendor, "UF-2026-10-1001-0002")).ok).toBe(true);
      for (const name of ["March", "April"]) await createAcmeFile(name);

      const first = startWorker();
      await vi.waitFor(() => expect(receiver!.received).toHaveLength(1), { timeout: 30_000, interval: 50 });
      first.kill("SIGKILL");
      await once(first, "exit");
      expect((await deliveryStatuses()).map((d) => d.status)).toEqual(["pending", "pending", "pending"]);

      startWorker();
      await vi.waitFor(
        async () =>
          expect((await deliveryStatuses()).map((d) => d.status)).toEqual(["succeeded", "succeeded", "succeeded"]),
        { timeout: 60_000, interval: 200 },
      );
      const ids = receiver.received.map((hook) => hook.id);
      expect(ids).toHaveLength(4);
      expect(ids[1]).toBe(ids[0]);
      expect(new Set(ids).size).toBe(3);
      expect(receiver.received.map((hook) => hook.payload.type)).toEqual([
        "usage_file.submitted",
        "usage_file.submitted",
        "usage_file.created",
        "usage_file.created",
      ]);
      expect(receiver.unverified).toEqual([]);
    },
  );
});
