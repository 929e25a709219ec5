import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { webhookEndpoints } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { listInbox } from "@/lib/server/inbox/inbox";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { withTestDatabase } from "@/test/db";
import { acmeVendor, northwindDistributor } from "@/test/usage-workbooks";
import { startReceiver, type Receiver } from "@/test/webhook-receiver";
import { deliverDue } from "./deliver";
import { createWebhookEndpoint } from "./manage-webhooks";

// A receiver on 127.0.0.1, a retry a day, and mail through a real SMTP server started here.
const smtp = await vi.hoisted(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  process.env.WEBHOOK_RETRY_SCHEDULE = "1d,1d,1d,1d,1d,1d,1d";
  process.env.AUTH_URL = "https://usage.example.test";
  const { startSmtpInbox } = await import("@/test/smtp-inbox");
  const inbox = await startSmtpInbox();
  process.env.SMTP_URL = inbox.url;
  return inbox;
});

const database = withTestDatabase();
const ready = "UF-2026-10-1001-0002";
const day = 86_400_000;
let receiver: Receiver | undefined;

afterEach(async () => {
  await stopJobQueue();
  await receiver?.close();
});
afterAll(() => smtp.close());

async function endpointState(id: string) {
  const [endpoint] = await database.handle.db
    .select({ enabled: webhookEndpoints.enabled, disabledReason: webhookEndpoints.disabledReason })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  return endpoint;
}

describe("an endpoint failing for 5 days", () => {
  it("is turned off, and its account's users told in their inbox and by mail", { timeout: 60_000 }, async () => {
    await seedDemoData(database.handle.db);
    receiver = await startReceiver(() => 500);
    const created = await createWebhookEndpoint(northwindDistributor, {
      url: receiver.url("/down"),
      events: ["usage_file.submitted"],
      description: "",
    });
    if (!created.ok) throw new Error(created.message);
    const endpointId = created.value.id;
    receiver.useSecret("/down", created.value.secret);
    expect((await submitUsageFile(acmeVendor, ready)).ok).toBe(true);

    // The delivery is tried once a day on a clock set by the test; the first failure starts the spell.
    const start = Date.now();
    for (let days = 0; days <= 4; days++) {
      await deliverDue(endpointId, () => new Date(start + days * day + 60_000));
      expect(await endpointState(endpointId)).toEqual({ enabled: true, disabledReason: null });
    }
    expect(receiver.at("/down")).toHaveLength(5);
    await deliverDue(endpointId, () => new Date(start + 5 * day + 60_000));
    expect(await endpointState(endpointId)).toEqual({
      enabled: false,
      disabledReason: "Every delivery failed for 5 days; turned off.",
    });
    expect(receiver.at("/down")).toHaveLength(6);
    expect(new Set(receiver.at("/down").map((hook) => hook.id)).size).toBe(1);

    expect(await listInbox(northwindDistributor)).toContainEqual(
      expect.objectContaining({ type: "webhook_endpoint.disabled", endpointUrl: receiver.url("/down"), read: false }),
    );
    expect((await listInbox(acmeVendor)).map((item) => item.type)).not.toContain("webhook_endpoint.disabled");

    await startWorkers();
    const turnedOff = () =>
      smtp.to("distributor@northwind.test").filter((mail) => mail.subject.startsWith("Webhook endpoint turned off"));
    await vi.waitFor(() => expect(turnedOff()).toHaveLength(1), { timeout: 20_000 });
    expect(turnedOff()[0]!.text).toContain("Open the webhooks: https://usage.example.test/settings/webhooks");
    // Turned off, it is sent nothing more, whatever the real clock says.
    expect(receiver.at("/down")).toHaveLength(6);
  });
});
