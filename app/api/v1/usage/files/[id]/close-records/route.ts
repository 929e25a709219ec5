import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { closingAnswer } from "@/lib/server/api/usage-record-reply";
import { closeUsageRecords } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "ids": ["UR-…"], "external_billing_id": string, "external_billing_note"?: string }`: answers what came of each record. */
export const POST = apiRoute(usageFileEndpoints.closeRecords, async ({ actor, params, body: { ids, ...reference } }) =>
  closingAnswer(
    await closeUsageRecords(
      actor,
      params.id!,
      ids.map((recordId) => ({ recordId, ...reference })),
      "selection",
    ),
  ),
);
