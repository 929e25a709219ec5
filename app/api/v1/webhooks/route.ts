import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { webhookEndpoints } from "@/lib/server/api/endpoints";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/server/webhooks/manage-webhooks";

export const GET = apiListRoute(webhookEndpoints.list, async ({ actor, query }) => {
  const all = await listWebhookEndpoints(actor);
  return ok({ rows: all.slice(query.offset, query.offset + query.limit), total: all.length, offset: query.offset });
});

export const POST = apiRoute(webhookEndpoints.create, ({ actor, body }) => createWebhookEndpoint(actor, body));
