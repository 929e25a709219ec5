import { found } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { listUsageFileAnomalies } from "@/lib/server/queries/usage-anomalies";

/** A file's anomalies, the largest deviation first. */
export const GET = apiRoute(usageFileEndpoints.anomalies, async ({ actor, params }) => {
  const anomalies = await listUsageFileAnomalies(actor, params.id!);
  return found(anomalies && { anomalies }, "Usage file not found.");
});
