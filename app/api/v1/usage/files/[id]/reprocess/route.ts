import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { reprocessUsageFile } from "@/lib/server/usage-files/reprocess-usage-file";

export const POST = apiRoute(usageFileEndpoints.reprocess, ({ actor, params }) =>
  reprocessUsageFile(actor, params.id!),
);
