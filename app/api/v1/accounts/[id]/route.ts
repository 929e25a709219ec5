import { apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { renameAccount } from "@/lib/server/admin/rename-account";

export const GET = apiRoute(adminEndpoints.account, ({ actor, params }) => views.account(actor, params.id!));

export const PUT = apiRoute(adminEndpoints.renameAccount, async ({ actor, params, body }) =>
  viewOf(actor, await renameAccount(actor, { ...body, accountId: params.id! }), views.account),
);
