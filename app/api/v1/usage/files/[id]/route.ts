import { found } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { asSeenBy } from "@/lib/server/api/usage-file-reply";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { updateUsageFile } from "@/lib/server/usage-files/update-usage-file";

/** A usage file as the caller may see it, with its processing progress. */
export const GET = apiRoute(usageFileEndpoints.get, async ({ actor, params }) =>
  found(await getUsageFile(actor, params.id!), "Usage file not found."),
);

export const PUT = apiRoute(usageFileEndpoints.update, async ({ actor, params, body }) =>
  asSeenBy(actor, await updateUsageFile(actor, params.id!, body)),
);
