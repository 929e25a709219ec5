import { apiRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import { sendTestWebhook } from "@/lib/server/webhooks/manage-webhooks";

export const POST = apiRoute(webhookEndpoints.test, ({ actor, params }) => sendTestWebhook(actor, params.id!));
