import ipaddr from "ipaddr.js";
import { z } from "zod";
import type { Actor } from "./permissions";
import { notificationTypes } from "./notifications";

/** An endpoint whose deliveries have failed, with no success in between, for this long is disabled. */
export const disableAfterFailingMs = 5 * 86_400_000;

/**
 * What becomes of a delivery after its attempt number `attempts` failed: retried after the
 * schedule's wait for that attempt, or given up past the schedule's end.
 */
export function nextAttemptAfterFailure(schedule: readonly number[], attempts: number, now: Date): Date | null {
  const wait = schedule[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

export function shouldDisableEndpoint(failingSince: Date, now: Date): boolean {
  return now.getTime() - failingSince.getTime() >= disableAfterFailingMs;
}

/**
 * Only public unicast addresses receive webhooks: never loopback, private, link-local, unique
 * local, carrier-grade NAT, multicast, unspecified or reserved ranges (IPv4-mapped IPv6 included).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Why a URL cannot receive webhooks (null when it can), before any address is resolved. */
export function webhookUrlProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL, starting with https://.";
  }
  const schemes = allowPrivate ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) return "Webhook URLs must use https.";
  if (url.username || url.password) return "Webhook URLs cannot carry a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost"))) return privateAddressProblem;
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host)) return privateAddressProblem;
  return null;
}

export const privateAddressProblem = "Webhook URLs must not point to a loopback, private or link-local address.";

const eventTypeList = z
  .array(z.enum(notificationTypes, { error: `Event types are ${notificationTypes.join(", ")}.` }))
  .min(1, "Choose at least one event type.")
  .transform((types) => [...new Set(types)]);

export const createWebhookInput = z.object({
  url: z.string().trim().min(1, "Enter the URL.").max(2000),
  events: eventTypeList,
  description: z.string().trim().max(500).default(""),
  /** Admins may create an endpoint for another account; others' endpoints are their account's. */
  accountId: z.string().trim().min(1).max(200).optional(),
});
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

/** The settings page's form: one checkbox per event type, `event:<type>`. */
export const webhookFormInput = z.preprocess((form) => {
  const fields = form as Record<string, unknown>;
  return {
    url: fields.url,
    description: fields.description,
    events: notificationTypes.filter((type) => fields[`event:${type}`] === "on"),
  };
}, createWebhookInput);

export const webhookEndpointIdInput = z.object({ endpointId: z.string().min(1) });
export const webhookDeliveryInput = webhookEndpointIdInput.extend({ deliveryId: z.string().min(1) });
export const webhookEnabledInput = webhookEndpointIdInput.extend({ enabled: z.enum(["true", "false"]) });

export const updateWebhookInput = z.object({
  url: z.string().trim().min(1, "Enter the URL.").max(2000).optional(),
  events: eventTypeList.optional(),
  description: z.string().trim().max(500).optional(),
  /** Turning an endpoint back on clears why it was turned off and starts its failure clock anew. */
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.output<typeof updateWebhookInput>;

/** An account's users manage its endpoints; admins manage any. */
export function canManageWebhookEndpoint(actor: Actor, endpoint: { accountId: string }): boolean {
  return actor.role === "admin" || actor.accountId === endpoint.accountId;
}
