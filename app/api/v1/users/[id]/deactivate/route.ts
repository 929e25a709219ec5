import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { deactivateUser } from "@/lib/server/admin/set-user-active";

export const POST = apiRoute(adminEndpoints.deactivateUser, async ({ actor, params }) =>
  viewOf(actor, await deactivateUser(actor, params.id!), views.user),
);
