import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  accounts,
  inboxItems,
  notifications,
  users,
  webhookDeliveries,
  webhookEndpoints,
  type User,
} from "@/db/schema";
import { endpointDisabledTopic, mailTopicsOf, type MailTopic } from "@/lib/domain/notification-mail";
import { mayReceive, payloadFor, type Notification, type NotificationType } from "@/lib/domain/notifications";
import { roleOfAccountKind } from "@/lib/domain/user-admin";
import { answers } from "@/lib/server/api/answers";
import { toWire } from "@/lib/server/api/wire-names";
import { deliverWebhooksJob, jobSender, sendInboxItemMailJob } from "@/lib/server/jobs/queue";
import { mailIsOn } from "@/lib/server/mail/transport";
import { usageFileSnapshot, type UsageFileView } from "@/lib/server/queries/usage-files";
import { newDeliveryId } from "@/lib/server/webhooks/delivery-id";

export interface NotificationInput {
  type: NotificationType;
  usageFileId: string;
  actor: { userId: string } | null;
  records?: Notification["records"];
  comment?: Notification["comment"];
}

/**
 * Writes a notification into the outbox inside the caller's transaction, and fans it out there too:
 * an inbox item for each user of the accounts concerned who may see it (but its actor), and a
 * webhook delivery (and its job) for each subscribed endpoint whose account may see it. So the
 * change, its notification and everything owed to receivers commit together, or none of them.
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
    comment: input.comment ?? null,
  };
  const [stored] = await tx
    .insert(notifications)
    .values({ ...notification, usageFileId: view.id, actorUserId: input.actor?.userId ?? null })
    .returning({ id: notifications.id });
  await fillInboxes(tx, notification, stored!.id, input.actor?.userId);
  await queueWebhookDeliveries(tx, notification, stored!.id);
}

const recipientColumns = {
  userId: users.id,
  accountId: users.accountId,
  role: users.role,
  emailEvents: users.emailEvents,
};
type Recipient = Pick<User, "role" | "emailEvents"> & { userId: string };

async function fillInboxes(tx: Database, notification: Notification, notificationId: number, actorUserId?: string) {
  const candidates = await tx
    .select(recipientColumns)
    .from(users)
    .where(
      and(
        inArray(users.accountId, [notification.vendorAccountId, notification.distributorAccountId]),
        eq(users.active, true),
        actorUserId ? ne(users.id, actorUserId) : undefined,
      ),
    );
  const recipients = candidates.filter((user) => mayReceive(user, notification));
  await deliverToInboxes(tx, recipients, { notificationId }, notification.type);
}

/**
 * Tells the users of an endpoint's account, in their inbox (and by mail for those who chose it),
 * that the endpoint was turned off. Called in the transaction that turns it off.
 */
export async function publishEndpointDisabled(
  tx: Database,
  endpoint: { id: string; accountId: string },
): Promise<void> {
  const owners = await tx
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.accountId, endpoint.accountId), eq(users.active, true)));
  await deliverToInboxes(tx, owners, { disabledEndpointId: endpoint.id }, endpointDisabledTopic);
}

/** An inbox item for each recipient, and a mail job (SMTP_URL) for each whose mail settings include the topic. */
async function deliverToInboxes(
  tx: Database,
  recipients: Recipient[],
  subject: { notificationId: number } | { disabledEndpointId: string },
  topic: MailTopic,
) {
  if (recipients.length === 0) return;
  const items = await tx
    .insert(inboxItems)
    .values(recipients.map(({ userId }) => ({ userId, ...subject })))
    .returning({ id: inboxItems.id, userId: inboxItems.userId });
  if (!mailIsOn()) return;
  const mailed = new Set(recipients.filter((user) => mailTopicsOf(user).includes(topic)).map((user) => user.userId));
  if (mailed.size === 0) return;
  const enqueue = await jobSender(sendInboxItemMailJob);
  for (const item of items) if (mailed.has(item.userId)) await enqueue(tx, { inboxItemId: item.id });
}

/** The file with its counts and per-item totals, not its per-subscription and per-day lists: a message stays small. */
function notifiedView(view: UsageFileView): UsageFileView {
  if (!view.stats) return view;
  const { records, valid, invalid, byItem } = view.stats;
  return { ...view, stats: { records, valid, invalid, byItem } };
}

/** The endpoints subscribed to the type, of the accounts concerned or the platform's, that may see it. */
async function queueWebhookDeliveries(tx: Database, notification: Notification, notificationId: number) {
  const subscribed = await tx
    .select({ id: webhookEndpoints.id, accountId: webhookEndpoints.accountId, kind: accounts.kind })
    .from(webhookEndpoints)
    .innerJoin(accounts, eq(accounts.id, webhookEndpoints.accountId))
    .where(
      and(
        eq(webhookEndpoints.enabled, true),
        sql`${webhookEndpoints.eventTypes} ? ${notification.type}`,
        sql`(${webhookEndpoints.accountId} IN (${notification.vendorAccountId}, ${notification.distributorAccountId}) OR ${accounts.kind} = 'platform')`,
      ),
    );
  const deliveries = subscribed.flatMap((endpoint) => {
    const payload = payloadFor({ accountId: endpoint.accountId, role: roleOfAccountKind[endpoint.kind] }, notification);
    if (!payload) return [];
    return [
      {
        id: newDeliveryId(),
        endpointId: endpoint.id,
        notificationId,
        eventType: payload.type,
        payload: { ...payload },
      },
    ];
  });
  if (deliveries.length === 0) return;
  await tx.insert(webhookDeliveries).values(deliveries);
  const enqueue = await jobSender(deliverWebhooksJob);
  // In one order everywhere: a waiting job per endpoint is unique, so two transactions queueing
  // for the same endpoints in different orders could each wait for the other.
  for (const endpointId of [...new Set(deliveries.map((d) => d.endpointId))].sort()) {
    await enqueue(tx, { endpointId });
  }
}
