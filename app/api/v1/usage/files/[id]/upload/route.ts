import { fail } from "@/lib/domain/errors";
import { getRequestActor } from "@/lib/server/actor";
import { failureResponse, jsonResponse } from "@/lib/server/api/responses";
import { multipartFile } from "@/lib/server/api/multipart";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";

/** POST multipart `usage_file`: stores the spreadsheet and queues it for processing. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const upload = await multipartFile(request, "usage_file");
  if (!upload) return failureResponse(fail("invalid_input", "Send the spreadsheet as multipart field usage_file."));
  const result = await uploadUsageFile(actor.value, (await params).id, upload);
  if (!result.ok) return failureResponse(result);
  return jsonResponse({ status: result.value.status }, { status: 202 });
}
