import { found, ok } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { usageRecordJson } from "@/lib/server/api/usage-record-reply";
import { getUsageRecord } from "@/lib/server/queries/usage-records";
import { updateRecordBilling } from "@/lib/server/usage-records/update-record-billing";

export const GET = apiRoute(usageRecordEndpoints.get, async ({ actor, params }) => {
  const shown = await getUsageRecord(actor, params.id!);
  return found(shown && usageRecordJson(shown.file.id, shown.record), "Usage record not found.");
});

export const PUT = apiRoute(usageRecordEndpoints.updateBilling, async ({ actor, params, body }) => {
  const updated = await updateRecordBilling(actor, params.id!, body);
  return updated.ok ? ok(usageRecordJson(updated.value.file.id, updated.value.record)) : updated;
});
