import { fail, ok } from "@/lib/domain/errors";
import { apiListRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { usageRecordJson } from "@/lib/server/api/usage-record-reply";
import { listUsageRecordWindow } from "@/lib/server/queries/usage-records";

export const GET = apiListRoute(usageRecordEndpoints.list, async ({ actor, query: { usageFileId, filters, sort, window } }) => {
  const listed = await listUsageRecordWindow(actor, usageFileId, filters, sort, window);
  if (!listed) return fail("not_found", "Usage file not found.");
  return ok({
    rows: listed.rows.map((record) => usageRecordJson(listed.file.id, record)),
    total: listed.totalIsLowerBound ? null : listed.total,
    offset: window.offset,
  });
});
