import { apiRoute } from "@/lib/server/api/api-route";
import { views } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";

export const GET = apiRoute(adminEndpoints.product, ({ actor, params }) => views.product(actor, params.id!));
