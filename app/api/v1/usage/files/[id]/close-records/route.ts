import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "record_ids": ["UR-…"], "external_billing_id": string, "external_billing_note"?: string }`: answers what came of each record. */
export const POST = fileActionRoute(
  usageFileEndpoints.closeRecords.body,
  (actor, id, { recordIds, ...reference }) =>
    closeUsageRecords(actor, id, recordIds.map((recordId) => ({ recordId, ...reference })), "selection"),
  (report) => report,
);
