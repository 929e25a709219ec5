import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createSubscription } from "@/lib/server/admin/create-subscription";
import { listSubscriptionWindow } from "@/lib/server/queries/admin-catalog";
import { adminList } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(
  adminEndpoints.subscriptions,
  ({ actor, query: { limit, offset, order_by, ...filters } }) =>
    adminList(actor, { limit, offset }, async (window) =>
      ok(await listSubscriptionWindow(actor, { ...filters, sort: order_by }, window)),
    ),
);

export const POST = apiRoute(adminEndpoints.createSubscription, async ({ actor, body }) =>
  viewOf(actor, await createSubscription(actor, body), views.subscription),
);
