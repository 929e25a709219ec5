import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views, viewOf } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createAccount } from "@/lib/server/admin/create-account";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.accounts, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listAccounts(actor), window)),
);

export const POST = apiRoute(adminEndpoints.createAccount, async ({ actor, body }) =>
  viewOf(actor, await createAccount(actor, body), views.account),
);
