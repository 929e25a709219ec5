import "server-only";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { listReadableComments, type UsageFileCommentView } from "@/lib/server/queries/usage-file-comments";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { getUsageRecord } from "@/lib/server/queries/usage-records";

export interface CommentListInput {
  /** A record of the file (`UR-…`): only the comments on it. */
  recordId?: string;
  limit?: number;
  offset?: number;
}

/**
 * The conversation on a file the actor sees (or on one of its current records), oldest first: for
 * its vendor and admins all of it, for the distributor or reseller of its contract what was written
 * once the file was submitted. A file or record the actor does not see is "not found".
 */
export async function listUsageFileComments(
  actor: Actor,
  usageFileId: string,
  input: CommentListInput = {},
): Promise<Result<{ rows: UsageFileCommentView[]; total: number }>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fail("not_found", "Usage file not found.");
  let recordId: number | undefined;
  if (input.recordId !== undefined) {
    const shown = await getUsageRecord(actor, input.recordId);
    if (!shown || shown.file.id !== file.id) return fail("not_found", `Record ${input.recordId} not found.`);
    recordId = shown.record.id;
  }
  return ok(await listReadableComments(actor, file.id, { recordId, limit: input.limit, offset: input.offset }));
}
