import "server-only";
import type { Database } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Notification, NotificationType } from "@/lib/domain/notifications";
import { answers } from "@/lib/server/api/answers";
import { toWire } from "@/lib/server/api/wire-names";
import { usageFileSnapshot, type UsageFileView } from "@/lib/server/queries/usage-files";

export interface NotificationInput {
  type: NotificationType;
  usageFileId: string;
  actor: { userId: string } | null;
  records?: Notification["records"];
}

/**
 * Writes a notification into the outbox inside the caller's transaction, so the change and its
 * notification commit together, or neither does.
 */
export async function publishNotification(tx: Database, input: NotificationInput): Promise<void> {
  const view = await usageFileSnapshot(tx, input.usageFileId);
  const notification: Notification = {
    type: input.type,
    occurredAt: new Date(),
    vendorAccountId: view.vendorAccountId,
    distributorAccountId: view.distributorAccountId,
    fileStatus: view.status,
    file: toWire(answers.usageFile.parse(notifiedView(view))) as Notification["file"],
    records: input.records ?? null,
  };
  await tx
    .insert(notifications)
    .values({ ...notification, usageFileId: view.id, actorUserId: input.actor?.userId ?? null });
}

/** The file with its counts and per-item totals, not its per-subscription and per-day lists: a message stays small. */
function notifiedView(view: UsageFileView): UsageFileView {
  if (!view.stats) return view;
  const { records, valid, invalid, byItem } = view.stats;
  return { ...view, stats: { records, valid, invalid, byItem } };
}
