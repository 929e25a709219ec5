import { ok } from "@/lib/domain/errors";
import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { listSubscriptionWindow } from "@/lib/server/queries/admin-catalog";
import { adminList } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.subscriptions, ({ actor, query: { limit, offset, order_by, ...filters } }) =>
  adminList(actor, { limit, offset }, async (window) => ok(await listSubscriptionWindow(actor, { ...filters, sort: order_by }, window))),
);
