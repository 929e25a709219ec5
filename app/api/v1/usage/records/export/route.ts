import { apiDownloadRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { exportUsageRecords } from "@/lib/server/usage-records/export-usage-records";

/** GET `?format=csv|xlsx&vendor=&product=&period=YYYY-MM&file_status=accepted|closed`: accepted records across files, streamed. */
export const GET = apiDownloadRoute(usageRecordEndpoints.export, async ({ actor, query }) =>
  exportUsageRecords(actor, query),
);
