import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createContract } from "@/lib/server/admin/create-contract";
import { listContracts } from "@/lib/server/queries/admin-accounts";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.contracts, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listContracts(actor), window)),
);

export const POST = apiRoute(adminEndpoints.createContract, async ({ actor, body }) =>
  viewOf(actor, await createContract(actor, body), views.contract),
);
