import { apiRoute } from "@/lib/server/api/api-route";
import { adminViews } from "@/lib/server/api/admin-views";
import { adminEndpoints } from "@/lib/server/api/endpoints";

export const GET = apiRoute(adminEndpoints.product, ({ actor, params }) => adminViews.product(actor, params.id!));
