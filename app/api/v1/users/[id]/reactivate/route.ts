import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { reactivateUser } from "@/lib/server/admin/set-user-active";

export const POST = apiRoute(adminEndpoints.reactivateUser, async ({ actor, params }) =>
  viewOf(actor, await reactivateUser(actor, params.id!), views.user),
);
