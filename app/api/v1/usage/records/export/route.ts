import { fail } from "@/lib/domain/errors";
import { recordExportQuery } from "@/lib/domain/record-export";
import { getRequestActor } from "@/lib/server/actor";
import { failureResponse, spreadsheetResponse } from "@/lib/server/api/responses";
import { exportUsageRecords } from "@/lib/server/usage-records/export-usage-records";

/** GET `?format=csv|xlsx&vendor=&product=&period=YYYY-MM&fileStatus=`: accepted records across files, streamed. */
export async function GET(request: Request) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const query = recordExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return failureResponse(fail("invalid_input", query.error.issues[0]!.message));
  const download = exportUsageRecords(actor.value, query.data);
  return download.ok ? spreadsheetResponse(download.value) : failureResponse(download);
}
