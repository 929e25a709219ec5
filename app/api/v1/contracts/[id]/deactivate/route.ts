import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { deactivateContract } from "@/lib/server/admin/deactivate-contract";

export const POST = apiRoute(adminEndpoints.deactivateContract, async ({ actor, params }) =>
  viewOf(actor, await deactivateContract(actor, params.id!), views.contract),
);
