import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";

export const POST = fileActionRoute(usageFileEndpoints.submit.body, (actor, id) => submitUsageFile(actor, id));
