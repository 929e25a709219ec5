import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { adminList, pageOf } from "@/lib/server/queries/admin-lists";

export const GET = apiListRoute(adminEndpoints.accounts, ({ actor, query }) =>
  adminList(actor, query, async (window) => pageOf(await listAccounts(actor), window)),
);
