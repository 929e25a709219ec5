import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { closingAnswer } from "@/lib/server/api/usage-record-reply";
import { closeUsageRecordById } from "@/lib/server/usage-records/close-usage-records";

export const POST = apiRoute(usageRecordEndpoints.close, async ({ actor, params, body }) =>
  closingAnswer(await closeUsageRecordById(actor, params.id!, body)),
);
