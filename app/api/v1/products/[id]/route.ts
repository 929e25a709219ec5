import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { updateProductGuard } from "@/lib/server/admin/update-product-guard";

export const GET = apiRoute(adminEndpoints.product, ({ actor, params }) => views.product(actor, params.id!));

export const PUT = apiRoute(adminEndpoints.updateProductGuard, async ({ actor, params, body }) =>
  viewOf(actor, await updateProductGuard(actor, params.id!, body), views.product),
);
