import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "@/db/schema";
import { fail, found, ok, type Result } from "@/lib/domain/errors";
import type { NotificationType } from "@/lib/domain/notifications";
import type { Actor } from "@/lib/domain/permissions";
import {
  canManageWebhookEndpoint,
  webhookUrlProblem,
  type CreateWebhookInput,
  type UpdateWebhookInput,
} from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { deliverWebhooksJob, jobSender } from "@/lib/server/jobs/queue";
import { newDeliveryId, newWebhookEndpointId, newWebhookSecret } from "./delivery-id";

/** An endpoint as its managers see it: never its secret, which is shown once. */
export interface WebhookEndpointView {
  id: string;
  accountId: string;
  accountName: string;
  url: string;
  description: string;
  events: NotificationType[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const endpointNotFound = "Webhook endpoint not found.";

function selectEndpoints(db: Database) {
  return db
    .select({ endpoint: webhookEndpoints, accountName: accounts.name })
    .from(webhookEndpoints)
    .innerJoin(accounts, eq(accounts.id, webhookEndpoints.accountId))
    .$dynamic();
}

function viewOf({ endpoint, accountName }: { endpoint: WebhookEndpoint; accountName: string }): WebhookEndpointView {
  return {
    id: endpoint.id,
    accountId: endpoint.accountId,
    accountName,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

/** The endpoints the actor manages: its account's, or every one for an admin. */
export async function listWebhookEndpoints(actor: Actor): Promise<WebhookEndpointView[]> {
  const db = await getDb();
  const query = selectEndpoints(db).orderBy(desc(webhookEndpoints.createdAt), webhookEndpoints.id);
  const rows =
    actor.role === "admin" ? await query : await query.where(eq(webhookEndpoints.accountId, actor.accountId));
  return rows.map(viewOf);
}

/** An endpoint the actor manages; another account's is "not found". */
async function managedEndpoint(actor: Actor, id: string): Promise<Result<WebhookEndpointView>> {
  const db = await getDb();
  const [row] = await selectEndpoints(db).where(eq(webhookEndpoints.id, id)).limit(1);
  if (!row || !canManageWebhookEndpoint(actor, row.endpoint)) return fail("not_found", endpointNotFound);
  return ok(viewOf(row));
}

export function getWebhookEndpoint(actor: Actor, id: string): Promise<Result<WebhookEndpointView>> {
  return managedEndpoint(actor, id);
}

function urlRefused(url: string) {
  const problem = webhookUrlProblem(url, env.WEBHOOK_ALLOW_PRIVATE_URLS);
  return problem ? fail("validation_failed", problem, { url: problem }) : null;
}

/** A new endpoint of the actor's account (an admin may name another); its secret is in the answer, this once. */
export async function createWebhookEndpoint(
  actor: Actor,
  input: CreateWebhookInput,
): Promise<Result<WebhookEndpointView & { secret: string }>> {
  const refused = urlRefused(input.url);
  if (refused) return refused;
  const accountId = input.accountId ?? actor.accountId;
  if (accountId !== actor.accountId && actor.role !== "admin") {
    return fail("forbidden", "Only admins create webhook endpoints for other accounts.");
  }
  const db = await getDb();
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
  if (!account) return fail("validation_failed", "Account not found.", { accountId: "Account not found." });
  const id = newWebhookEndpointId();
  const secret = newWebhookSecret();
  await db.insert(webhookEndpoints).values({
    id,
    accountId,
    url: input.url,
    description: input.description,
    eventTypes: input.events,
    secret,
    createdBy: actor.userId,
  });
  const created = await getWebhookEndpoint(actor, id);
  return created.ok ? ok({ ...created.value, secret }) : created;
}

export async function updateWebhookEndpoint(
  actor: Actor,
  id: string,
  input: UpdateWebhookInput,
): Promise<Result<WebhookEndpointView>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  const refused = input.url === undefined ? null : urlRefused(input.url);
  if (refused) return refused;
  const db = await getDb();
  await db
    .update(webhookEndpoints)
    .set({
      url: input.url,
      description: input.description,
      eventTypes: input.events,
      enabled: input.enabled,
      ...(input.enabled ? { disabledReason: null, failingSince: null } : {}),
      updatedAt: new Date(),
    })
    .where(eq(webhookEndpoints.id, id));
  return getWebhookEndpoint(actor, id);
}

/** Removes the endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(actor: Actor, id: string): Promise<Result<{ id: string; deleted: true }>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  const db = await getDb();
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return ok({ id, deleted: true });
}

/** A new signing secret, answered this once; every attempt from now on is signed with it. */
export async function rotateWebhookSecret(actor: Actor, id: string): Promise<Result<{ secret: string }>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  const secret = newWebhookSecret();
  const db = await getDb();
  await db.update(webhookEndpoints).set({ secret, updatedAt: new Date() }).where(eq(webhookEndpoints.id, id));
  return ok({ secret });
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  lastResponseStatus: webhookDeliveries.lastResponseStatus,
  lastLatencyMs: webhookDeliveries.lastLatencyMs,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  payload: webhookDeliveries.payload,
};

export type WebhookDeliveryView = Pick<WebhookDelivery, keyof typeof deliveryColumns>;

/** An endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(
  actor: Actor,
  id: string,
  window: { limit: number; offset: number },
): Promise<Result<{ rows: WebhookDeliveryView[]; total: number; offset: number }>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  const db = await getDb();
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, id))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(window.limit)
    .offset(window.offset);
  const [total] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
  return ok({ rows, total: total?.n ?? 0, offset: window.offset });
}

async function deliveryOf(id: string, deliveryId: string): Promise<Result<WebhookDeliveryView>> {
  const db = await getDb();
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, id)));
  return found(row, "Delivery not found.");
}

/** Sends a delivery again (same `webhook-id`), now: a retry before its time, or a redelivery of one given up or done. */
export async function retryWebhookDelivery(
  actor: Actor,
  id: string,
  deliveryId: string,
): Promise<Result<WebhookDeliveryView>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  if (!endpoint.value.enabled) return fail("conflict", "This endpoint is turned off; turn it on to send to it.");
  const delivery = await deliveryOf(id, deliveryId);
  if (!delivery.ok) return delivery;
  const enqueue = await jobSender(deliverWebhooksJob);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.id, deliveryId));
    await enqueue(tx, { endpointId: id });
  });
  return deliveryOf(id, deliveryId);
}

export const testEventType = "webhook.test";

/** Queues a `webhook.test` message to the endpoint, which then shows in its log like any delivery. */
export async function sendTestWebhook(actor: Actor, id: string): Promise<Result<WebhookDeliveryView>> {
  const endpoint = await managedEndpoint(actor, id);
  if (!endpoint.ok) return endpoint;
  if (!endpoint.value.enabled) return fail("conflict", "This endpoint is turned off; turn it on to send to it.");
  const enqueue = await jobSender(deliverWebhooksJob);
  const deliveryId = newDeliveryId();
  const payload = {
    type: testEventType,
    timestamp: new Date().toISOString(),
    data: { endpoint_id: id, message: "A test message from the Usage Records Portal." },
  };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({ id: deliveryId, endpointId: id, eventType: testEventType, payload });
    await enqueue(tx, { endpointId: id });
  });
  return deliveryOf(id, deliveryId);
}
