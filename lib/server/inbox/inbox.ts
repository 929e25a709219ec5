import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { inboxItems, notifications } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { NotificationType } from "@/lib/domain/notifications";
import type { Actor } from "@/lib/domain/permissions";

export interface InboxItem {
  id: number;
  type: NotificationType;
  occurredAt: Date;
  usageFileId: string;
  fileName: string;
  read: boolean;
}

/** How many of the actor's inbox items are unread: the bell's count. */
export async function unreadCount(actor: Actor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)));
  return row?.n ?? 0;
}

/** What happened to the actor's files, newest first. */
export async function listInbox(actor: Actor, limit = 50): Promise<InboxItem[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: inboxItems.id,
      type: notifications.type,
      occurredAt: notifications.occurredAt,
      usageFileId: notifications.usageFileId,
      fileName: sql<string>`${notifications.file}->>'name'`,
      readAt: inboxItems.readAt,
    })
    .from(inboxItems)
    .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .where(eq(inboxItems.userId, actor.userId))
    .orderBy(desc(inboxItems.id))
    .limit(limit);
  return rows.map(({ readAt, ...item }) => ({ ...item, read: readAt !== null }));
}

/** Marks one of the actor's items read; another user's is "not found". */
export async function markInboxItemRead(actor: Actor, itemId: number): Promise<Result<{ usageFileId: string }>> {
  const db = await getDb();
  await db
    .update(inboxItems)
    .set({ readAt: new Date() })
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)));
  const [item] = await db
    .select({ usageFileId: notifications.usageFileId })
    .from(inboxItems)
    .innerJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.userId, actor.userId)));
  return item ? ok(item) : fail("not_found", "Notification not found.");
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
