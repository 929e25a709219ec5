import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";

/** Answers what came of each record: `closed` ids, and `refused` ones with the reason. */
export const POST = apiRoute(usageRecordEndpoints.closeRecords, ({ actor, body }) =>
  closeUsageRecords(actor, body.usageFileId, body.records, "selection"),
);
