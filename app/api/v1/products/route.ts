import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createProduct } from "@/lib/server/admin/create-product";
import { listProducts } from "@/lib/server/queries/admin-catalog";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.products, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listProducts(actor), window)),
);

export const POST = apiRoute(adminEndpoints.createProduct, async ({ actor, body }) =>
  viewOf(actor, await createProduct(actor, body), views.product),
);
