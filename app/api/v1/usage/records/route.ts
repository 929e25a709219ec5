import { fail, ok } from "@/lib/domain/errors";
import { encodeRecordListCursor } from "@/lib/domain/record-list-cursor";
import { apiListRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { usageRecordJson } from "@/lib/server/api/usage-record-reply";
import { listUsageRecordWindow, listVisibleUsageRecordWindow } from "@/lib/server/queries/usage-records";

export const GET = apiListRoute(
  usageRecordEndpoints.list,
  async ({ actor, query: { usageFileId, filters, sort, window } }) => {
    const listed = usageFileId
      ? await listUsageRecordWindow(actor, usageFileId, filters, sort, window)
      : await listVisibleUsageRecordWindow(actor, filters, sort, window);
    if (!listed) return fail("not_found", "Usage file not found.");
    return ok({
      rows: listed.rows.map((row) => usageRecordJson(row.usageFileId, row.record)),
      total: listed.totalIsLowerBound ? null : listed.total,
      offset: window.after ? null : window.offset,
      next: listed.next && encodeRecordListCursor(sort, listed.next),
    });
  },
);
