import type { Metadata } from "next";
import { UnreadCountSync } from "@/components/notifications/notification-bell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mailTopicLabels } from "@/lib/domain/notification-mail";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/lib/server/actor";
import { listInbox, unreadCount } from "@/lib/server/inbox/inbox";
import { markAllInboxItemsReadAction, markInboxItemReadAction, openInboxItemAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function InboxPage() {
  const actor = await requireActor();
  const [items, unread] = await Promise.all([listInbox(actor), unreadCount(actor)]);
  return (
    <>
      <UnreadCountSync unread={unread} />
      <PageHeader
        title="Notifications"
        subtitle={unread ? `${unread} unread` : "Nothing unread"}
        actions={
          unread ? (
            <form action={markAllInboxItemsReadAction}>
              <Button type="submit" variant="secondary">
                Mark all read
              </Button>
            </form>
          ) : null
        }
      />
      <Card>
        {items.length === 0 ? (
          <p className="text-sm text-slate-500">What happens to your usage files will show here.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-4 py-3 text-sm">
                <form action={openInboxItemAction} className="min-w-0 flex-1">
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="block w-full text-left hover:underline">
                    <span className={item.read ? "text-slate-600" : "font-semibold text-slate-900"}>
                      {!item.read && <span className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-600" />}
                      {mailTopicLabels[item.type]}: {"fileName" in item ? item.fileName : item.endpointUrl}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {"usageFileId" in item ? `${item.usageFileId} · ` : ""}
                      {formatDateTime(item.occurredAt)}
                    </span>
                  </button>
                </form>
                {!item.read && (
                  <form action={markInboxItemReadAction}>
                    <input type="hidden" name="itemId" value={item.id} />
                    <button type="submit" className="text-xs text-slate-500 hover:text-brand-700">
                      Mark read
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
