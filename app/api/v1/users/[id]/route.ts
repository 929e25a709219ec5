import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { updateUser } from "@/lib/server/admin/update-user";

export const GET = apiRoute(adminEndpoints.user, ({ actor, params }) => views.user(actor, params.id!));

export const PUT = apiRoute(adminEndpoints.updateUser, async ({ actor, params, body }) =>
  viewOf(actor, await updateUser(actor, { ...body, userId: params.id! }), views.user),
);
