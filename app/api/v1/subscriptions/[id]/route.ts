import { apiRoute } from "@/lib/server/api/api-route";
import { adminViews } from "@/lib/server/api/admin-views";
import { adminEndpoints } from "@/lib/server/api/endpoints";

export const GET = apiRoute(adminEndpoints.subscription, ({ actor, params }) => adminViews.subscription(actor, params.id!));
