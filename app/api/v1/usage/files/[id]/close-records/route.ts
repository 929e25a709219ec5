import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "recordIds": ["UR-…"], "billingId": string, "billingNote"?: string }`: answers what came of each record. */
export const POST = fileActionRoute(
  usageFileEndpoints.closeRecords.body,
  (actor, id, { recordIds, billingId, billingNote }) =>
    closeUsageRecords(actor, id, recordIds.map((recordId) => ({ recordId, billingId, billingNote })), "selection"),
  (report) => report,
);
