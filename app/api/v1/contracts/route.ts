import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { listContracts } from "@/lib/server/queries/admin-accounts";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.contracts, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listContracts(actor), window)),
);
