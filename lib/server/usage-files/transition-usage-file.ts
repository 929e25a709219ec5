import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageFiles, type UsageFile } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { statusAfter, statusesAllowing, type UsageFileAction } from "@/lib/domain/usage-file-status";
import { notificationTypeOf } from "@/lib/domain/notifications";
import { recordEvent } from "@/lib/server/events";
import { publishNotification } from "@/lib/server/notifications/publish";

/**
 * Moves a file through the state machine inside the caller's transaction:
 * `UPDATE … WHERE id = ? AND status IN (<from>)`, with its event. Zero rows updated means someone
 * else changed the file first: the caller refuses, and nothing changes. The transition's
 * notification (lib/domain/notifications) commits with it.
 */
export async function transitionUsageFile(
  tx: Database,
  input: {
    usageFileId: string;
    action: UsageFileAction;
    actor: Actor | null;
    set?: Partial<Omit<UsageFile, "id" | "status">>;
    details?: Record<string, unknown>;
  },
): Promise<UsageFile | null> {
  const [updated] = await tx
    .update(usageFiles)
    .set({ ...input.set, status: statusAfter(input.action), updatedAt: new Date() })
    .where(and(eq(usageFiles.id, input.usageFileId), inArray(usageFiles.status, [...statusesAllowing(input.action)])))
    .returning();
  if (!updated) return null;
  await recordEvent(tx, {
    objectType: "usage_file",
    objectId: input.usageFileId,
    action: input.action,
    actor: input.actor,
    details: input.details,
  });
  const type = notificationTypeOf(input.action);
  if (type) await publishNotification(tx, { type, usageFileId: input.usageFileId, actor: input.actor });
  return updated;
}
