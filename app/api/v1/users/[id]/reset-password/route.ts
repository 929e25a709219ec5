import { apiRoute } from "@/lib/server/api/api-route";
import { adminEndpoints } from "@/lib/server/api/endpoints";
import { resetUserPassword } from "@/lib/server/admin/reset-user-password";

export const POST = apiRoute(adminEndpoints.resetUserPassword, ({ actor, params }) =>
  resetUserPassword(actor, params.id!),
);
