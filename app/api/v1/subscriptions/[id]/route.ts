import { apiRoute } from "@/lib/server/api/api-route";
import { views } from "@/lib/server/api/views";
import { subscriptionEndpoints } from "@/lib/server/api/endpoints";

export const GET = apiRoute(subscriptionEndpoints.get, ({ actor, params }) => views.subscription(actor, params.id!));
