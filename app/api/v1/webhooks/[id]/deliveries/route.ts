import { apiListRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import { listWebhookDeliveries } from "@/lib/server/webhooks/manage-webhooks";

export const GET = apiListRoute(webhookEndpoints.deliveries, ({ actor, params, query }) =>
  listWebhookDeliveries(actor, params.id!, query),
);
