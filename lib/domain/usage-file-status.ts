import { z } from "zod";

/** Usage file states (SPEC §2). */
export const usageFileStatuses = [
  "draft",
  "uploading",
  "processing",
  "invalid",
  "ready",
  "pending",
  "accepted",
  "rejected",
  "closed",
  "deleted",
] as const;
export const usageFileStatusSchema = z.enum(usageFileStatuses);
export type UsageFileStatus = z.infer<typeof usageFileStatusSchema>;

/** Usage record states (SPEC §3). */
export const usageRecordStatuses = [
  "uploaded",
  "validated",
  "invalid",
  "pending",
  "accepted",
  "rejected",
  "closed",
] as const;
export const usageRecordStatusSchema = z.enum(usageRecordStatuses);
export type UsageRecordStatus = z.infer<typeof usageRecordStatusSchema>;

export const recordStatusLabels: Record<UsageRecordStatus, string> = {
  uploaded: "Uploaded",
  validated: "Validated",
  invalid: "Invalid",
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
  closed: "Closed",
};

/** What people and the system do to a usage file (SPEC §2). */
export const usageFileActions = [
  "upload",
  "start_processing",
  "finish_valid",
  "finish_invalid",
  "fail_processing",
  "correct",
  "submit",
  "accept",
  "reject",
  "close",
  "delete",
] as const;
export type UsageFileAction = (typeof usageFileActions)[number];

interface Transition {
  from: readonly UsageFileStatus[];
  to: UsageFileStatus;
}

const transitions: Record<UsageFileAction, Transition> = {
  upload: { from: ["draft", "invalid", "ready", "rejected"], to: "uploading" },
  /** The processing job takes the file; a retried job finds it Processing already and starts again. */
  start_processing: { from: ["uploading", "processing"], to: "processing" },
  finish_valid: { from: ["processing"], to: "ready" },
  finish_invalid: { from: ["processing"], to: "invalid" },
  /** The workbook cannot be used, or processing failed past its retries; the previous records stay. */
  fail_processing: { from: ["uploading", "processing"], to: "invalid" },
  /** The vendor fixed the last invalid record in the browser. */
  correct: { from: ["invalid"], to: "ready" },
  /** A Rejected file goes back for review as it is, or after records were corrected in the browser (issue 21). */
  submit: { from: ["ready", "rejected"], to: "pending" },
  accept: { from: ["pending"], to: "accepted" },
  reject: { from: ["pending"], to: "rejected" },
  close: { from: ["accepted"], to: "closed" },
  delete: { from: ["draft", "invalid", "ready", "rejected"], to: "deleted" },
};

export type TransitionResult =
  { ok: true; from: UsageFileStatus; to: UsageFileStatus } | { ok: false; message: string };

export const statusLabels: Record<UsageFileStatus, string> = {
  draft: "Draft",
  uploading: "Uploading",
  processing: "Processing",
  invalid: "Invalid",
  ready: "Ready",
  pending: "Pending",
  accepted: "Accepted",
  rejected: "Rejected",
  closed: "Closed",
  deleted: "Deleted",
};

const pastTense: Record<UsageFileAction, string> = {
  upload: "uploaded to",
  start_processing: "processed",
  finish_valid: "marked ready",
  finish_invalid: "marked invalid",
  fail_processing: "given up",
  correct: "corrected",
  submit: "submitted",
  accept: "accepted",
  reject: "rejected",
  close: "closed",
  delete: "deleted",
};

/** The statuses from which an action may start: the `WHERE status IN (…)` of its update. */
export function statusesAllowing(action: UsageFileAction): readonly UsageFileStatus[] {
  return transitions[action].from;
}

/** The status an action leads to: the `SET status = …` of its update. */
export function statusAfter(action: UsageFileAction): UsageFileStatus {
  return transitions[action].to;
}

/** Whether `action` may happen to a file in `status`, and the status it leads to. */
export function transition(status: UsageFileStatus, action: UsageFileAction): TransitionResult {
  const rule = transitions[action];
  if (rule.from.includes(status)) return { ok: true, from: status, to: rule.to };
  const allowed = rule.from.map((s) => statusLabels[s]).join(", ");
  return {
    ok: false,
    message: `This usage file is ${statusLabels[status]}; only ${allowed} files can be ${pastTense[action]}.`,
  };
}

/** Files waiting for their vendor: to be uploaded, fixed or submitted. */
export const statusesAwaitingVendor: readonly UsageFileStatus[] = usageFileStatuses.filter(
  (status) => transitions.upload.from.includes(status) || transitions.submit.from.includes(status),
);

/** The actions a file's page offers in its current status. */
export function allowedActions(status: UsageFileStatus): UsageFileAction[] {
  return usageFileActions.filter((action) => transitions[action].from.includes(status));
}

/** What a plain record (valid, not closed on its own) is while its file is in each status. */
export const recordStatusByFileStatus: Record<Exclude<UsageFileStatus, "closed">, UsageRecordStatus> = {
  draft: "uploaded",
  uploading: "uploaded",
  processing: "uploaded",
  invalid: "validated",
  ready: "validated",
  pending: "pending",
  accepted: "accepted",
  rejected: "rejected",
  deleted: "validated",
};

/** A record's status follows its file's, except where the record has its own (SPEC §3). */
export function recordStatusOf(
  fileStatus: UsageFileStatus,
  record: { hasErrors: boolean; closed: boolean },
): UsageRecordStatus {
  if (record.hasErrors) return "invalid";
  if (record.closed || fileStatus === "closed") return "closed";
  return recordStatusByFileStatus[fileStatus];
}

/**
 * Which of one file's records have the status `wanted`, in terms of the facts a record stores:
 * its errors and its own closing. `allClosed` is a closed file, or one whose remaining records
 * were all closed under one billing reference.
 */
export type RecordStatusMatch = "none" | "with_errors" | "valid" | "closed_alone" | "open";

export function recordsWithStatus(
  file: { status: UsageFileStatus; allClosed: boolean },
  wanted: UsageRecordStatus,
): RecordStatusMatch {
  if (wanted === "invalid") return "with_errors";
  if (wanted === "closed") return file.allClosed ? "valid" : "closed_alone";
  if (file.allClosed || file.status === "closed") return "none";
  return recordStatusByFileStatus[file.status] === wanted ? "open" : "none";
}
