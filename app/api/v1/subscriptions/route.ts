import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints, subscriptionEndpoints } from "@/lib/server/api/endpoints";
import { createSubscription } from "@/lib/server/admin/create-subscription";
import { listSubscriptionWindow } from "@/lib/server/queries/subscriptions";

export const GET = apiListRoute(
  subscriptionEndpoints.list,
  async ({ actor, query: { limit, offset, order_by, ...filters } }) =>
    ok({ ...(await listSubscriptionWindow(actor, { ...filters, sort: order_by }, { limit, offset })), offset }),
);

export const POST = apiRoute(adminEndpoints.createSubscription, async ({ actor, body }) =>
  viewOf(actor, await createSubscription(actor, body), views.subscription),
);
