import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { exportUsageFile } from "@/lib/server/usage-records/export-usage-records";

/** GET `?format=csv|xlsx[&amendments=true]`: the file's records for billing, streamed while they are read. */
export const GET = apiDownloadRoute(usageFileEndpoints.export, ({ actor, params, query }) =>
  exportUsageFile(actor, params.id!, query.format, query),
);
