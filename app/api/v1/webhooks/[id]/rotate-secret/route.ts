import { apiRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import { rotateWebhookSecret } from "@/lib/server/webhooks/manage-webhooks";

export const POST = apiRoute(webhookEndpoints.rotateSecret, ({ actor, params }) =>
  rotateWebhookSecret(actor, params.id!),
);
