import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { closingAnswer } from "@/lib/server/api/usage-record-reply";
import { closeUsageRecordsById } from "@/lib/server/usage-records/close-usage-records";

/** Answers what came of each record: `closed` ids, and `refused` ones with the reason; each record is closed in its own file. */
export const POST = apiRoute(usageRecordEndpoints.closeRecords, async ({ actor, body }) =>
  closingAnswer(
    await closeUsageRecordsById(
      actor,
      body.records.map(({ id, ...reference }) => ({ recordId: id, ...reference })),
    ),
  ),
);
