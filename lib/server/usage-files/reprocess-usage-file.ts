import "server-only";
import { getDb } from "@/db/client";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorizeAction, changedMeanwhile } from "./act-on-usage-file";
import { queueProcessing } from "./upload-usage-file";
import { hasCorrections } from "./usage-file-spreadsheets";

/**
 * Processes the file's current upload again, say after the catalog changed: the same step of the
 * state machine and the same queue as uploading it anew. Refused when records were corrected in
 * the browser, since reading the upload again would drop those corrections.
 */
export async function reprocessUsageFile(actor: Actor, usageFileId: string): Promise<Result<{ status: "uploading" }>> {
  const allowed = await authorizeAction(actor, usageFileId, "upload");
  if (!allowed.ok) return allowed;
  const file = allowed.value;
  if (!file.uploadedFileId) return fail("invalid_transition", "Nothing has been uploaded to this usage file yet.");
  if (await hasCorrections(await getDb(), file)) {
    return fail(
      "invalid_transition",
      "Records were corrected in the browser: download the uploaded file and upload it instead.",
    );
  }
  const moved = await queueProcessing(actor, usageFileId, { details: { reprocess: true } });
  return moved ? ok({ status: "uploading" }) : changedMeanwhile();
}
