import { apiRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import { retryWebhookDelivery } from "@/lib/server/webhooks/manage-webhooks";

export const POST = apiRoute(webhookEndpoints.retry, ({ actor, params }) =>
  retryWebhookDelivery(actor, params.id!, params.deliveryId!),
);
