import { ok } from "@/lib/domain/errors";
import { apiListRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { adminList } from "@/lib/server/queries/admin-lists";
import { listUserWindow } from "@/lib/server/queries/admin-users";

export const GET = apiListRoute(adminEndpoints.users, ({ actor, query: { limit, offset, order_by, ...filters } }) =>
  adminList(actor, { limit, offset }, async (window) => ok(await listUserWindow(actor, { ...filters, sort: order_by }, window))),
);
