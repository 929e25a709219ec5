import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";

export const POST = apiRoute(usageFileEndpoints.submit, async ({ actor, params }) =>
  viewOf(actor, await submitUsageFile(actor, params.id!), views.usageFile),
);
