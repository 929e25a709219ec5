import { fail } from "@/lib/domain/errors";
import { getRequestActor } from "@/lib/server/actor";
import { multipartFile } from "@/lib/server/api/multipart";
import { failureResponse, jsonResponse } from "@/lib/server/api/responses";
import { reconcileUsageFile } from "@/lib/server/usage-records/reconcile-usage-file";

/** POST multipart `recon_file`: the billing export with billing ids filled; closes the matching records. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getRequestActor();
  if (!actor.ok) return failureResponse(actor);
  const upload = await multipartFile(request, "recon_file");
  if (!upload) return failureResponse(fail("invalid_input", "Send the reconciliation sheet as multipart field recon_file."));
  const result = await reconcileUsageFile(actor.value, (await params).id, upload);
  return result.ok ? jsonResponse(result.value) : failureResponse(result);
}
