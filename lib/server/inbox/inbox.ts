import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { inboxItems, notifications, webhookEndpoints } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { endpointDisabledTopic } from "@/lib/domain/notification-mail";
import type { NotificationType } from "@/lib/domain/notifications";
import { usageFilePath, webhookSettingsPath, type Actor } from "@/lib/domain/permissions";

/** What happened to a file of the user's, or to a webhook endpoint of the user's account. */
export type InboxItem = { id: number; occurredAt: Date; read: boolean } & (
  | { type: NotificationType; usageFileId: string; fileName: string }
  | { type: typeof endpointDisabledTopic; endpointUrl: string }
);

/** How many of the actor's inbox items are unread: the bell's count. */
export async function unreadCount(actor: Actor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)));
  return row?.n ?? 0;
}

/** What happened to the actor's files and endpoints, newest first. */
export async function listInbox(actor: Actor, limit = 50): Promise<InboxItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: inboxItems.id,
      occurredAt: inboxItems.createdAt,
      readAt: inboxItems.readAt,
      type: notifications.type,
      usageFileId: notifications.usageFileId,
      fileName: sql<string>`${notifications.file}->>'name'`,
      endpointUrl: webhookEndpoints.url,
    })
    .from(inboxItems)
    .leftJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, inboxItems.disabledEndpointId))
    .where(eq(inboxItems.userId, actor.userId))
    .orderBy(desc(inboxItems.id))
    .limit(limit);
  return rows.map(({ id, occurredAt, readAt, type, usageFileId, fileName, endpointUrl }) => {
    const item = { id, occurredAt, read: readAt !== null };
    return type && usageFileId
      ? { ...item, type, usageFileId, fileName }
      : { ...item, type: endpointDisabledTopic, endpointUrl: endpointUrl ?? "" };
  });
}

/** Marks one of the actor's items read, answering where it leads; another user's is "not found". */
export async function markInboxItemRead(actor: Actor, itemId: number): Promise<Result<{ path: string }>> {
  const db = await getDb();
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)));
  const [item] = await db
    .select({ usageFileId: notifications.usageFileId })
    .from(inboxItems)
    .leftJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.userId, actor.userId)));
  if (!item) return fail("not_found", "Notification not found.");
  return ok({ path: item.usageFileId ? usageFilePath(actor.role, item.usageFileId) : webhookSettingsPath });
}

export async function markAllInboxItemsRead(actor: Actor): Promise<Result<{ marked: number }>> {
  const db = await getDb();
  const marked = await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)))
    .returning({ id: inboxItems.id });
  return ok({ marked: marked.length });
}
