import "server-only";
import { randomBytes } from "node:crypto";

/** A delivery's `webhook-id`: unique per message, the same on each of its attempts. */
export function newDeliveryId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

/** A signing secret as Standard Webhooks writes it: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function newWebhookEndpointId(): string {
  return `ep_${randomBytes(12).toString("base64url")}`;
}
