import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "record_ids": ["UR-…"], "external_billing_id": string, "external_billing_note"?: string }`: answers what came of each record. */
export const POST = apiRoute(usageFileEndpoints.closeRecords, ({ actor, params, body: { recordIds, ...reference } }) =>
  closeUsageRecords(actor, params.id!, recordIds.map((recordId) => ({ recordId, ...reference })), "selection"),
);
