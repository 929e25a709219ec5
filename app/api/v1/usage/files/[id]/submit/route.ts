import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { asSeenBy } from "@/lib/server/api/usage-file-reply";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";

export const POST = apiRoute(usageFileEndpoints.submit, async ({ actor, params }) => asSeenBy(actor, await submitUsageFile(actor, params.id!)));
