import "server-only";
import { and, asc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { getDb, type Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema";
import { nextAttemptAfterFailure, shouldDisableEndpoint } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import type { PgBoss } from "pg-boss";
import { deliverWebhooksJob } from "@/lib/server/jobs/queue";
import { publishEndpointDisabled } from "@/lib/server/notifications/publish";
import { postWebhook, type SendOutcome } from "./send";

export const deliveryTimeoutMs = 10_000;
const maxResponseBytes = 64 * 1024;

/**
 * Sends an endpoint's due deliveries, oldest first, one at a time, until none is due. The pg-boss
 * job that calls this runs once at a time per endpoint (deliverWebhooksJob), so first attempts
 * reach a receiver in the order the notifications were written; a failed delivery waits for its
 * retry while the later ones go on (receivers order by the payload's timestamp and the file's
 * `updated_at`, and skip a `webhook-id` they have seen). `now` tells the time: what is due, when
 * a retry is, and how long an endpoint has been failing.
 */
export async function deliverDue(endpointId: string, now: () => Date = () => new Date()): Promise<void> {
  const db = await getDb();
  for (;;) {
    const due = await nextDue(db, endpointId, now());
    if (!due) return;
    const outcome = await attempt(due.endpoint, due.delivery);
    await recordOutcome(db, due.endpoint, due.delivery, outcome, now());
  }
}

async function nextDue(db: Database, endpointId: string, now: Date) {
  const [due] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.seq))
    .limit(1);
  return due;
}

/** One attempt: the body as stored, signed now with the endpoint's current secret, under the delivery's own id. */
export function attempt(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Promise<SendOutcome> {
  const body = JSON.stringify(delivery.payload);
  const sentAt = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "UsageRecordsPortal-Webhooks/1",
    "webhook-id": delivery.id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(endpoint.secret).sign(delivery.id, sentAt, body),
  };
  return postWebhook(endpoint.url, headers, body, {
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    timeoutMs: deliveryTimeoutMs,
    maxResponseBytes,
  });
}

/**
 * A success ends the delivery and the endpoint's failing spell; a failure schedules the retry
 * (WEBHOOK_RETRY_SCHEDULE), or gives the delivery up past the schedule's end, and an endpoint
 * failing for 5 days with no success is turned off and its account's users told.
 */
async function recordOutcome(
  db: Database,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  outcome: SendOutcome,
  now: Date,
) {
  const attempts = delivery.attempts + 1;
  const retryAt = outcome.ok ? null : nextAttemptAfterFailure(env.WEBHOOK_RETRY_SCHEDULE, attempts, now);
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: outcome.ok ? "succeeded" : retryAt ? "pending" : "failed",
        attempts,
        nextAttemptAt: retryAt,
        lastAttemptAt: now,
        lastResponseStatus: outcome.status,
        lastLatencyMs: outcome.latencyMs,
        lastError: outcome.error,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (outcome.ok) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(and(eq(webhookEndpoints.id, endpoint.id), isNotNull(webhookEndpoints.failingSince)));
      return;
    }
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.failingSince)));
    if (endpoint.failingSince && shouldDisableEndpoint(endpoint.failingSince, now)) await disable(tx, endpoint, now);
  });
}

async function disable(tx: Database, endpoint: WebhookEndpoint, now: Date) {
  const [disabled] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "Every delivery failed for 5 days; turned off.", updatedAt: now })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  if (disabled) await publishEndpointDisabled(tx, endpoint);
}

/**
 * Queues a delivery job for each endpoint with a delivery due: retries whose time has come, and
 * what a stopped worker left unsent. The worker calls it every second.
 */
export async function queueDueDeliveries(boss: PgBoss): Promise<void> {
  const db = await getDb();
  const due = await db
    .selectDistinct({ endpointId: webhookDeliveries.endpointId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, sql`now()`),
        eq(webhookEndpoints.enabled, true),
      ),
    );
  for (const { endpointId } of due) {
    await boss.send(
      deliverWebhooksJob.name,
      { endpointId },
      { singletonKey: deliverWebhooksJob.singletonKey({ endpointId }) },
    );
  }
}
