import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { listProducts } from "@/lib/server/queries/admin-catalog";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.products, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listProducts(actor), window)),
);
