import { fail } from "@/lib/domain/errors";
import { exportFormatParam } from "@/lib/domain/record-export";
import { getRequestActor } from "@/lib/server/actor";
import { failureResponse, spreadsheetResponse } from "@/lib/server/api/responses";
import { exportUsageFile } from "@/lib/server/usage-records/export-usage-records";

/** GET `?format=csv|xlsx`: the file's records for billing, streamed while they are read. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const format = exportFormatParam.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  if (!format.success) return failureResponse(fail("invalid_input", format.error.issues[0]!.message));
  const download = await exportUsageFile(actor.value, (await params).id, format.data);
  return download.ok ? spreadsheetResponse(download.value) : failureResponse(download);
}
