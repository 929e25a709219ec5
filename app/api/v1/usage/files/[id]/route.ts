import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { updateUsageFile } from "@/lib/server/usage-files/update-usage-file";

/** A usage file as the caller may see it, with its processing progress. */
export const GET = apiRoute(usageFileEndpoints.get, ({ actor, params }) => views.usageFile(actor, params.id!));

export const PUT = apiRoute(usageFileEndpoints.update, async ({ actor, params, body }) =>
  viewOf(actor, await updateUsageFile(actor, params.id!, body), views.usageFile),
);
