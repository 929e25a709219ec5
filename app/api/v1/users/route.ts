import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { views } from "@/lib/server/api/views";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { createUser } from "@/lib/server/admin/create-user";
import { adminList } from "@/lib/server/queries/admin-lists";
import { listUserWindow } from "@/lib/server/queries/admin-users";

export const GET = apiListRoute(adminEndpoints.users, ({ actor, query: { limit, offset, order_by, ...filters } }) =>
  adminList(actor, { limit, offset }, async (window) =>
    ok(await listUserWindow(actor, { ...filters, sort: order_by }, window)),
  ),
);

/** The new user as GET shows it, with the temporary password this once (the console shows it once too). */
export const POST = apiRoute(adminEndpoints.createUser, async ({ actor, body }) => {
  const created = await createUser(actor, body);
  if (!created.ok) return created;
  const user = await views.user(actor, created.value.user.id);
  return user.ok ? ok({ ...user.value, temporaryPassword: created.value.temporaryPassword }) : user;
});
