import { statusesVisibleToDistributors, type Actor } from "./permissions";
import type { NotifiedComment } from "./usage-comments";
import type { UsageFileAction, UsageFileStatus } from "./usage-file-status";

/**
 * What the portal tells people and systems about: one notification per usage-file transition, one
 * per batch of records closed, and one per comment on a file or its records. Webhooks, the events API, the in-app inbox and e-mail all carry
 * these, through the same tenancy rule (`mayReceive`).
 */
export const notificationTypes = [
  "usage_file.created",
  "usage_file.uploaded",
  "usage_file.ready",
  "usage_file.invalid",
  "usage_file.submitted",
  "usage_file.accepted",
  "usage_file.rejected",
  "usage_file.closed",
  "usage_file.deleted",
  "usage_records.closed",
  "usage_file.commented",
] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** The notification a state-machine action announces; taking up a file for processing announces nothing. */
const typeOfAction: Record<UsageFileAction, NotificationType | null> = {
  upload: "usage_file.uploaded",
  start_processing: null,
  finish_valid: "usage_file.ready",
  correct: "usage_file.ready",
  finish_invalid: "usage_file.invalid",
  fail_processing: "usage_file.invalid",
  submit: "usage_file.submitted",
  accept: "usage_file.accepted",
  reject: "usage_file.rejected",
  close: "usage_file.closed",
  delete: "usage_file.deleted",
};

export function notificationTypeOf(action: UsageFileAction): NotificationType | null {
  return typeOfAction[action];
}

export const notificationTypeLabels: Record<NotificationType, string> = {
  "usage_file.created": "Usage file created",
  "usage_file.uploaded": "Spreadsheet uploaded",
  "usage_file.ready": "Usage file ready to submit",
  "usage_file.invalid": "Usage file invalid",
  "usage_file.submitted": "Usage file awaits review",
  "usage_file.accepted": "Usage file accepted",
  "usage_file.rejected": "Usage file rejected",
  "usage_file.closed": "Usage file closed",
  "usage_file.deleted": "Usage file deleted",
  "usage_records.closed": "Records closed",
  "usage_file.commented": "New comment",
};

/** A usage file as its vendor sees it, in the API's names; `internal_note` is the vendor's own. */
export type NotifiedFile = Record<string, unknown> & { id: string; internal_note?: string | null };

/** A stored notification: what it is about, and the file as it was right after the change. */
export interface Notification {
  type: NotificationType;
  occurredAt: Date;
  vendorAccountId: string;
  distributorAccountId: string;
  /** The file's status after the change. */
  fileStatus: UsageFileStatus;
  file: NotifiedFile;
  /**
   * For `usage_records.closed`: how many records closed, and which (at most `listedRecordIdsMax`
   * of them; none listed, nor counted, when every remaining record closed at once).
   */
  records?: { count: number | null; ids: string[]; allRemaining: boolean } | null;
  /** For `usage_file.commented`: the comment, with the record it is about, if any. */
  comment?: NotifiedComment | null;
}

/** Who receives: a user, or the account a webhook endpoint belongs to (as its users would see). */
export type Audience = Pick<Actor, "accountId" | "role">;

/**
 * Which notifications an audience may receive: an admin all; a vendor its own files'; a
 * distributor or reseller those of its own contracts' files once submitted, i.e. about a file
 * whose status is then one it may see (never created, uploaded, ready, invalid or deleted).
 */
export type NotificationScope =
  | { kind: "all" }
  | { kind: "vendor"; accountId: string }
  | { kind: "distributor"; accountId: string; statuses: readonly UsageFileStatus[] };

export function notificationScope(audience: Audience): NotificationScope {
  switch (audience.role) {
    case "admin":
      return { kind: "all" };
    case "vendor":
      return { kind: "vendor", accountId: audience.accountId };
    case "distributor":
      return { kind: "distributor", accountId: audience.accountId, statuses: statusesVisibleToDistributors };
  }
}

export function mayReceive(
  audience: Audience,
  notification: Omit<Notification, "file" | "records" | "comment">,
): boolean {
  const scope = notificationScope(audience);
  switch (scope.kind) {
    case "all":
      return true;
    case "vendor":
      return notification.vendorAccountId === scope.accountId;
    case "distributor":
      return notification.distributorAccountId === scope.accountId && scope.statuses.includes(notification.fileStatus);
  }
}

/** Where a reader of the events API stands: the position `txid_id` of the last event it has. */
export const eventCursorPattern = /^(\d{1,20})_(\d{1,19})$/;

/** A batch of closed records names this many of its ids: a million-row reconciliation stays a small message. */
export const listedRecordIdsMax = 1000;

/** The types a role may ever receive: distributors and resellers only those of review and billing. */
export function notificationTypesFor(role: Audience["role"]): readonly NotificationType[] {
  if (role !== "distributor") return notificationTypes;
  return [
    "usage_file.submitted",
    "usage_file.accepted",
    "usage_file.rejected",
    "usage_file.closed",
    "usage_records.closed",
    "usage_file.commented",
  ];
}

/** The Standard Webhooks payload: `{type, timestamp, data}`, `data` the object as the receiver may see it. */
export interface NotificationPayload {
  type: NotificationType;
  timestamp: string;
  data: Record<string, unknown>;
}

/** The notification as `audience` may receive it, or null when it may not: the vendor's internal note for its vendor (and admins) only. */
export function payloadFor(audience: Audience, notification: Notification): NotificationPayload | null {
  if (!mayReceive(audience, notification)) return null;
  const seesNote = audience.role === "admin" || audience.accountId === notification.vendorAccountId;
  const file: NotifiedFile = seesNote ? notification.file : { ...notification.file, internal_note: null };
  const data = notification.comment
    ? { usage_file: file, comment: notification.comment }
    : notification.records
      ? {
          usage_file: file,
          count: notification.records.count,
          ids: notification.records.ids,
          all_remaining: notification.records.allRemaining,
        }
      : file;
  return { type: notification.type, timestamp: notification.occurredAt.toISOString(), data };
}
