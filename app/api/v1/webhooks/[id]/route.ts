import { apiRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import {
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  updateWebhookEndpoint,
} from "@/lib/server/webhooks/manage-webhooks";

export const GET = apiRoute(webhookEndpoints.get, ({ actor, params }) => getWebhookEndpoint(actor, params.id!));

export const PUT = apiRoute(webhookEndpoints.update, ({ actor, params, body }) =>
  updateWebhookEndpoint(actor, params.id!, body),
);

export const DELETE = apiRoute(webhookEndpoints.delete, ({ actor, params }) =>
  deleteWebhookEndpoint(actor, params.id!),
);
