import { found } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { usageRecordJson } from "@/lib/server/api/usage-record-reply";
import { getUsageRecord } from "@/lib/server/queries/usage-records";

export const GET = apiRoute(usageRecordEndpoints.get, async ({ actor, params }) => {
  const shown = await getUsageRecord(actor, params.id!);
  return found(shown && usageRecordJson(shown.file.id, shown.record), "Usage record not found.");
});
