import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { closeUsageRecord } from "@/lib/server/usage-records/close-usage-records";

/** POST `{ "external_billing_id": string, "external_billing_note"?: string }`: closes one record (`UR-…`) of the file. */
export async function POST(request: Request, context: { params: Promise<{ id: string; recordId: string }> }) {
  const { recordId } = await context.params;
  const route = fileActionRoute(
    usageFileEndpoints.closeRecord.body,
    (actor, usageFileId, reference) => closeUsageRecord(actor, usageFileId, { recordId, ...reference }),
    (report) => report,
  );
  return route(request, context);
}
