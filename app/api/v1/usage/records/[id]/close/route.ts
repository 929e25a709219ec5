import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { closeUsageRecordById } from "@/lib/server/usage-records/close-usage-records";

export const POST = apiRoute(usageRecordEndpoints.close, ({ actor, params, body }) => closeUsageRecordById(actor, params.id!, body));
