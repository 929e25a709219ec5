import { fail } from "@/lib/domain/errors";
import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { getProductWithItems } from "@/lib/server/queries/admin-catalog";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.items, ({ actor, params, query }) =>
  adminList(actor, query, async (window) => {
    const product = await getProductWithItems(actor, params.id!);
    return product ? pageOf(product.items, window) : fail("not_found", "Product not found.");
  }),
);
