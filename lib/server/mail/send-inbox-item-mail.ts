import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { inboxItems, notifications, users, webhookEndpoints } from "@/db/schema";
import { endpointDisabledMail, notificationMail, type Mail } from "@/lib/domain/notification-mail";
import { payloadFor, type Notification } from "@/lib/domain/notifications";
import { usageFilePath, type Actor } from "@/lib/domain/permissions";
import { portalUrl } from "@/lib/env";
import { sendMail } from "./transport";

/**
 * Mails one inbox item to its user, built from the notification as that user may receive it
 * (`payloadFor`, the inbox's and the webhooks' rule). Nothing is sent for an item gone with its
 * endpoint, nor to a user deactivated since. A mail server's refusal throws, and the job is retried.
 */
export async function sendInboxItemMail(inboxItemId: number): Promise<void> {
  const db = await getDb();
  const [item] = await db
    .select({
      user: {
        accountId: users.accountId,
        role: users.role,
        name: users.name,
        email: users.email,
        active: users.active,
      },
      notification: notifications,
      endpoint: { url: webhookEndpoints.url, disabledReason: webhookEndpoints.disabledReason },
    })
    .from(inboxItems)
    .innerJoin(users, eq(users.id, inboxItems.userId))
    .leftJoin(notifications, eq(notifications.id, inboxItems.notificationId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, inboxItems.disabledEndpointId))
    .where(eq(inboxItems.id, inboxItemId));
  if (!item?.user.active) return;
  const mail = item.notification
    ? mailOfNotification(item.user, item.notification)
    : item.endpoint && mailOfDisabledEndpoint(item.endpoint);
  if (!mail) return;
  await sendMail({
    to: { name: item.user.name, address: item.user.email },
    ...mail,
    messageId: `<inbox-item-${inboxItemId}@${new URL(portalUrl("/")).hostname}>`,
  });
}

function mailOfNotification(user: Pick<Actor, "accountId" | "role">, notification: Notification): Mail | null {
  const payload = payloadFor(user, notification);
  if (!payload) return null;
  const link = portalUrl(usageFilePath(user.role, notification.file.id));
  return notificationMail(payload, link, portalUrl("/profile"));
}

function mailOfDisabledEndpoint(endpoint: { url: string; disabledReason: string | null }): Mail {
  return endpointDisabledMail(
    { url: endpoint.url, reason: endpoint.disabledReason ?? "It was turned off." },
    portalUrl("/settings/webhooks"),
    portalUrl("/profile"),
  );
}
