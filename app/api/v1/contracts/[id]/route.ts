import { apiRoute } from "@/lib/server/api/api-route";
import { views } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";

export const GET = apiRoute(adminEndpoints.contract, ({ actor, params }) => views.contract(actor, params.id!));
