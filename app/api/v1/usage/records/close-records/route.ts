import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { closeUsageRecordsById } from "@/lib/server/usage-records/close-usage-records";

/** Answers what came of each record: `closed` ids, and `refused` ones with the reason; each record is closed in its own file. */
export const POST = apiRoute(usageRecordEndpoints.closeRecords, ({ actor, body }) => closeUsageRecordsById(actor, body.records));
