import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { closingAnswer } from "@/lib/server/api/usage-record-reply";
import { closeUsageRecord } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "external_billing_id": string, "external_billing_note"?: string }`: closes one record (`UR-…`) of the file. */
export const POST = apiRoute(usageFileEndpoints.closeRecord, async ({ actor, params, body }) =>
  closingAnswer(await closeUsageRecord(actor, params.id!, { recordId: params.recordId!, ...body })),
);
