"use server";

import { revalidatePath } from "next/cache";
import {
  webhookDeliveryInput,
  webhookEnabledInput,
  webhookEndpointIdInput,
  webhookFormInput,
} from "@/lib/domain/webhooks";
import { formAction, type FormState } from "@/lib/server/form-action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retryWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/server/webhooks/manage-webhooks";

function saved(message: string): FormState {
  revalidatePath("/settings/webhooks");
  return { ok: true, message };
}

export const createWebhookAction = formAction(webhookFormInput, createWebhookEndpoint, ({ secret }) =>
  saved(`Endpoint added. Its signing secret, shown only this once — copy it now: ${secret}`),
);

export const testWebhookAction = formAction(
  webhookEndpointIdInput,
  (actor, { endpointId }) => sendTestWebhook(actor, endpointId),
  () => saved("Test message queued; it shows in the log below."),
);

export const rotateWebhookSecretAction = formAction(
  webhookEndpointIdInput,
  (actor, { endpointId }) => rotateWebhookSecret(actor, endpointId),
  ({ secret }) => saved(`New signing secret, shown only this once: ${secret}`),
);

export const setWebhookEnabledAction = formAction(
  webhookEnabledInput,
  (actor, { endpointId, enabled }) => updateWebhookEndpoint(actor, endpointId, { enabled: enabled === "true" }),
  ({ enabled }) => saved(enabled ? "Endpoint turned on." : "Endpoint turned off."),
);

export const deleteWebhookAction = formAction(
  webhookEndpointIdInput,
  (actor, { endpointId }) => deleteWebhookEndpoint(actor, endpointId),
  () => saved("Endpoint removed."),
);

export const redeliverWebhookAction = formAction(
  webhookDeliveryInput,
  (actor, { endpointId, deliveryId }) => retryWebhookDelivery(actor, endpointId, deliveryId),
  () => saved("Sent again under the same webhook-id."),
);
