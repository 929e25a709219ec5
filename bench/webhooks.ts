// Webhook benchmark (issue 20): transitions fanned out to endpoints on 127.0.0.1 through the real
// outbox, queue and delivery worker, one endpoint failing every first attempt.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { demoUsers, seedDemoData } from "@/db/seed";
import { notificationTypes } from "@/lib/domain/notifications";
import type { Actor } from "@/lib/domain/permissions";
import { stopJobQueue } from "@/lib/server/jobs/queue";
import { startWorkers } from "@/lib/server/jobs/worker";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";
import { createWebhookEndpoint } from "@/lib/server/webhooks/manage-webhooks";
import { p95, reportFigure } from "./report";

const endpointCount = 10;
const transitionCount = 1000;
/** Transitions committed at once, as people working side by side would. */
const writers = 10;
const flakyPath = "/hooks/0";
const vendor: Actor = (() => {
  const user = demoUsers.find((u) => u.email === "vendor@acme.test")!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
})();

interface Arrival {
  path: string;
  webhookId: string;
  fileId: string;
  at: number;
}

/** 10 endpoints as paths of one server on 127.0.0.1; the flaky one answers 500 to each message's first attempt. */
async function startReceivers(secrets: Map<string, string>) {
  const delivered: Arrival[] = [];
  const attemptsById = new Map<string, number>();
  let badSignatures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const webhookId = String(request.headers["webhook-id"]);
      let payload: { data: { id: string } };
      try {
        payload = new Webhook(secrets.get(path)!).verify(
          Buffer.concat(chunks).toString("utf8"),
          request.headers as Record<string, string>,
        ) as typeof payload;
      } catch {
        badSignatures++;
        return void response.writeHead(400).end();
      }
      const attempt = (attemptsById.get(`${path} ${webhookId}`) ?? 0) + 1;
      attemptsById.set(`${path} ${webhookId}`, attempt);
      if (path === flakyPath && attempt === 1) return void response.writeHead(500).end();
      delivered.push({ path, webhookId, fileId: payload.data.id, at: Date.now() });
      response.writeHead(204).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return { server, port, delivered, badSignatures: () => badSignatures };
}

export async function benchWebhooks(): Promise<void> {
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_bench");
  const secrets = new Map<string, string>();
  const receivers = await startReceivers(secrets);
  try {
    replaceDatabase(database.handle);
    await seedDemoData(database.handle.db);
    for (let index = 0; index < endpointCount; index++) {
      const path = `/hooks/${index}`;
      const created = await createWebhookEndpoint(vendor, {
        url: `http://127.0.0.1:${receivers.port}${path}`,
        events: [...notificationTypes],
        description: "bench",
      });
      if (!created.ok) throw new Error(created.message);
      secrets.set(path, created.value.secret);
    }
    await startWorkers();

    const committedAt = new Map<string, number>();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (next < transitionCount) {
          const index = next++;
          const created = await createUsageFile(vendor, {
            productId: "PRD-100-001",
            contractId: "CRD-00001",
            name: `Bench ${index}`,
            description: "",
            externalId: null,
            currency: "USD",
            period: { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") },
          });
          if (!created.ok) throw new Error(created.message);
          committedAt.set(created.value.id, Date.now());
        }
      }),
    );

    const expected = transitionCount * endpointCount;
    const deadline = Date.now() + 10 * 60_000;
    while (new Set(receivers.delivered.map((a) => `${a.path} ${a.fileId}`)).size < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const finished = Date.now();
    report(receivers.delivered, committedAt, expected, (finished - started) / 1000, receivers.badSignatures());
  } finally {
    await stopJobQueue();
    receivers.server.close();
    await database.handle.close();
    await database.drop();
  }
}

function report(
  delivered: Arrival[],
  committedAt: Map<string, number>,
  expected: number,
  seconds: number,
  badSignatures: number,
) {
  const firstArrival = new Map<string, Arrival>();
  const idsOfMessage = new Map<string, Set<string>>();
  const messagesOfId = new Map<string, Set<string>>();
  for (const arrival of delivered) {
    const message = `${arrival.path} ${arrival.fileId}`;
    if (!firstArrival.has(message)) firstArrival.set(message, arrival);
    (idsOfMessage.get(message) ?? idsOfMessage.set(message, new Set()).get(message)!).add(arrival.webhookId);
    (messagesOfId.get(arrival.webhookId) ?? messagesOfId.set(arrival.webhookId, new Set()).get(arrival.webhookId)!).add(
      message,
    );
  }
  const latency = (arrivals: Arrival[]) => arrivals.map((a) => a.at - committedAt.get(a.fileId)!);
  const all = [...firstArrival.values()];
  const details = { transitions: transitionCount, endpoints: endpointCount, seconds: Math.round(seconds * 10) / 10 };
  reportFigure("webhook_deliveries_per_s", all.length / seconds, details);
  reportFigure("webhook_latency_p95_ms", p95(latency(all)), {
    ...details,
    healthy_endpoints_p95_ms: p95(latency(all.filter((a) => a.path !== flakyPath))),
    retried_endpoint_p95_ms: p95(latency(all.filter((a) => a.path === flakyPath))),
  });
  reportFigure("webhook_lost", expected - firstArrival.size, details);
  const duplicated =
    [...idsOfMessage.values()].filter((ids) => ids.size > 1).length +
    [...messagesOfId.values()].filter((messages) => messages.size > 1).length;
  reportFigure("webhook_duplicated_ids", duplicated, { ...details, bad_signatures: badSignatures });
}
