import { fail } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createItem } from "@/lib/server/admin/create-item";
import { getProductWithItems } from "@/lib/server/queries/admin-catalog";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.items, ({ actor, params, query }) =>
  adminList(actor, query, async (window) => {
    const product = await getProductWithItems(actor, params.id!);
    return product ? pageOf(product.items, window) : fail("not_found", "Product not found.");
  }),
);

export const POST = apiRoute(adminEndpoints.createItem, ({ actor, params, body }) =>
  createItem(actor, { ...body, productId: params.id! }),
);
