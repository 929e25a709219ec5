import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageFileComments, usageFiles } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { usageFileScope, type Actor } from "@/lib/domain/permissions";
import { canComment, commentInput, type NotifiedComment } from "@/lib/domain/usage-comments";
import { publishNotification } from "@/lib/server/notifications/publish";
import { commentSnapshot, type UsageFileCommentView } from "@/lib/server/queries/usage-file-comments";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { getUsageRecord } from "@/lib/server/queries/usage-records";

export interface PostCommentInput {
  text: string;
  /** A current record of the file (`UR-…`) the comment is about; none for the whole file. */
  recordId?: string;
}

/**
 * The file's vendor, or the distributor or reseller of its contract, writes on the file's
 * conversation (or on one of its records), in any status the writer sees the file in: a rejected
 * file is answered without a new upload. The comment and its notification (`usage_file.commented`:
 * the other party's inbox, mail and webhooks, never the writer's own inbox) commit together, under
 * a lock on the file, so the status it is written in is the one its readers are chosen by.
 */
export async function postUsageFileComment(
  actor: Actor,
  usageFileId: string,
  input: PostCommentInput,
): Promise<Result<UsageFileCommentView>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fail("not_found", "Usage file not found.");
  if (!canComment(actor, file)) {
    return fail("forbidden", "Only the file's vendor and the distributor or reseller of its contract comment on it.");
  }
  const parsed = commentInput.safeParse({ text: input.text });
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    return fail("validation_failed", message, { text: message });
  }
  let record: { id: number; recordId: string } | null = null;
  if (input.recordId !== undefined) {
    const shown = await getUsageRecord(actor, input.recordId);
    if (!shown || shown.file.id !== file.id) return fail("not_found", `Record ${input.recordId} not found.`);
    record = shown.record;
  }

  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<UsageFileCommentView>> => {
    // Held until commit: no transition moves the file between the check and the notification.
    const [locked] = await tx
      .select({ status: usageFiles.status })
      .from(usageFiles)
      .where(eq(usageFiles.id, file.id))
      .for("share");
    if (!locked || !usageFileScope(actor).statuses.includes(locked.status)) {
      return fail("not_found", "Usage file not found.");
    }
    const [written] = await tx
      .insert(usageFileComments)
      .values({
        usageFileId: file.id,
        recordId: record?.id ?? null,
        recordRef: record?.recordId ?? null,
        authorUserId: actor.userId,
        authorAccountId: actor.accountId,
        text: parsed.data.text,
        fileStatus: locked.status,
      })
      .returning({ id: usageFileComments.id });
    const comment = await commentSnapshot(tx, written!.id);
    await publishNotification(tx, {
      type: "usage_file.commented",
      usageFileId: file.id,
      actor,
      comment: notifiedComment(comment),
    });
    return ok(comment);
  });
}

function notifiedComment(comment: UsageFileCommentView): NotifiedComment {
  return {
    id: comment.id,
    text: comment.text,
    author_name: comment.authorName,
    author_account_id: comment.authorAccountId,
    author_account_name: comment.authorAccountName,
    created_at: comment.createdAt.toISOString(),
    record: comment.recordId && comment.recordRef ? { id: comment.recordId, record_id: comment.recordRef } : null,
  };
}
