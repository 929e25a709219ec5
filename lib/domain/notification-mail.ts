import { z } from "zod";
import type { UserRole } from "./catalog";
import {
  notificationTypeLabels,
  notificationTypes,
  notificationTypesFor,
  type NotificationPayload,
  type NotificationType,
} from "./notifications";
import type { NotifiedComment } from "./usage-comments";

/** Besides notifications, a user may be mailed when one of the account's webhook endpoints is turned off. */
export const endpointDisabledTopic = "webhook_endpoint.disabled";

/** What a user may choose to be mailed about. */
export const mailTopics = [...notificationTypes, endpointDisabledTopic] as const;
export type MailTopic = (typeof mailTopics)[number];

export const mailTopicLabels: Record<MailTopic, string> = {
  ...notificationTypeLabels,
  [endpointDisabledTopic]: "Webhook endpoint turned off",
};

/**
 * The topics a role may choose from: what reaches its inbox, and its endpoints turned off. Admins
 * have no inbox of usage files (they belong to no vendor or distributor account).
 */
export function mailableTopics(role: UserRole): readonly MailTopic[] {
  if (role === "admin") return [endpointDisabledTopic];
  return [...notificationTypesFor(role), endpointDisabledTopic];
}

/**
 * Until a user chooses, each role is mailed what asks something of it: a vendor its files' problems,
 * decisions and the comments on them (the distributor's, once submitted; a colleague's); a
 * distributor or reseller what awaits its review and the comments on its contracts' files.
 */
const defaultTopics: Record<UserRole, readonly MailTopic[]> = {
  vendor: [
    "usage_file.invalid",
    "usage_file.rejected",
    "usage_file.accepted",
    "usage_file.commented",
    endpointDisabledTopic,
  ],
  distributor: ["usage_file.submitted", "usage_file.commented", endpointDisabledTopic],
  admin: [endpointDisabledTopic],
};

/** The topics that mail this user: the user's choice, or the role's defaults (`emailEvents` null). */
export function mailTopicsOf(user: { role: UserRole; emailEvents: readonly MailTopic[] | null }): readonly MailTopic[] {
  return user.emailEvents ?? defaultTopics[user.role];
}

/** The profile's form: one checkbox per topic, `event:<topic>`; none checked is a valid choice. */
export const mailPreferencesInput = z.preprocess(
  (form) => {
    const fields = form as Record<string, unknown>;
    return { topics: mailTopics.filter((topic) => fields[`event:${topic}`] === "on") };
  },
  z.object({ topics: z.array(z.enum(mailTopics)) }),
);

export interface Mail {
  subject: string;
  text: string;
}

const fileLines: [field: string, label: string][] = [
  ["vendor_name", "Vendor"],
  ["distributor_name", "Distributor"],
  ["product_name", "Product"],
  ["status", "Status"],
  ["acceptance_note", "Acceptance note"],
  ["rejection_note", "Rejection note"],
  ["internal_note", "Internal note"],
];

/**
 * A plain-text mail of a notification as its recipient may receive it (`payloadFor`): it says only
 * what that payload holds, so a distributor's never carries the vendor's internal note.
 */
export function notificationMail(payload: NotificationPayload, link: string, settingsLink: string): Mail {
  const batch = "usage_file" in payload.data;
  const file = (batch ? payload.data.usage_file : payload.data) as Record<string, unknown>;
  const title = `${notificationTypeLabels[payload.type as NotificationType]}: ${String(file.name)} (${String(file.id)})`;
  const comment = payload.data.comment as NotifiedComment | undefined;
  const details = comment
    ? commentLines(comment)
    : fileLines.flatMap(([field, label]) => (file[field] ? [`${label}: ${String(file[field])}`] : []));
  if (batch && typeof payload.data.count === "number") details.push(`Records closed: ${payload.data.count}`);
  return {
    subject: title,
    text: [title, "", ...details, "", `Open it: ${link}`, "", mailFooter(settingsLink)].join("\n"),
  };
}

/** A comment's mail says who wrote it, on which record, and what. */
function commentLines(comment: NotifiedComment): string[] {
  const about = comment.record ? [`On record ${comment.record.record_id} (${comment.record.id})`] : [];
  return [`${comment.author_name} (${comment.author_account_name}) wrote:`, ...about, "", comment.text];
}

/** The mail telling an endpoint's owners it was turned off. */
export function endpointDisabledMail(endpoint: { url: string; reason: string }, link: string, settingsLink: string) {
  const title = `Webhook endpoint turned off: ${endpoint.url}`;
  return {
    subject: title,
    text: [
      title,
      "",
      endpoint.reason,
      "Its deliveries wait until someone of your account turns it back on.",
      "",
      `Open the webhooks: ${link}`,
      "",
      mailFooter(settingsLink),
    ].join("\n"),
  } satisfies Mail;
}

function mailFooter(settingsLink: string): string {
  return `You receive this because of your e-mail settings: ${settingsLink}`;
}
