import type { EventAction } from "@/lib/domain/events";
import { statusLabels, usageFileStatusSchema } from "@/lib/domain/usage-file-status";
import { formatDateTime } from "@/lib/format";
import type { HistoryEntry } from "@/lib/server/queries/usage-file-history";

const actionLabels: Partial<Record<EventAction, string>> = {
  create: "Created the file",
  update: "Edited the file's details",
  upload: "Uploaded a spreadsheet",
  start_processing: "Started processing the spreadsheet",
  finish_valid: "Processed the spreadsheet",
  finish_invalid: "Processed the spreadsheet",
  fail_processing: "Could not process the spreadsheet",
  record_fixed: "Corrected a record in the browser",
  correct: "Every record valid after corrections: Ready",
  submit: "Submitted for review",
  accept: "Accepted",
  reject: "Rejected",
  close: "Closed",
  close_records: "Closed records",
  record_billing_changed: "Corrected a closed record's billing reference",
  delete: "Deleted the file",
};

export function actionLabel(action: EventAction): string {
  return actionLabels[action] ?? action;
}

/** Who acted: a person with their account, a distributor's usage rule, or the system (processing). */
function actorOf(entry: HistoryEntry): string {
  if (entry.actorName) return `${entry.actorName} (${entry.accountName})`;
  return typeof entry.details.rule === "string" ? `Usage rule “${entry.details.rule}”` : "System";
}

/** The words worth showing from an event's details: notes, file names, outcomes. */
function describe(entry: HistoryEntry): string | null {
  const details = entry.details;
  const parts = [
    typeof details.fileName === "string" ? details.fileName : null,
    statusOf(details.status),
    typeof details.records === "number" ? countOf(details.records, "record") : null,
    typeof details.invalid === "number" && details.invalid > 0
      ? `${details.invalid.toLocaleString("en-US")} invalid`
      : null,
    typeof details.recordId === "string" ? `record ${details.recordId}` : null,
    isTextMap(details.cells)
      ? Object.entries(details.cells)
          .map(([column, value]) => `${column} = “${value}”`)
          .join(", ")
      : null,
    isChangeMap(details.changes) ? changesText(details.changes) : null,
    typeof details.note === "string" ? `“${details.note}”` : null,
    typeof details.disputedRecords === "number" ? `${countOf(details.disputedRecords, "record")} disputed` : null,
    typeof details.billingId === "string" ? `billing reference ${details.billingId}` : null,
    typeof details.reason === "string" ? details.reason : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : null;
}

function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

function statusOf(value: unknown): string | null {
  const status = usageFileStatusSchema.safeParse(value);
  return status.success ? `→ ${statusLabels[status.data]}` : null;
}

type ChangeMap = Record<string, { from: string | null; to: string | null }>;

const changedFieldNames: Record<string, string> = {
  externalBillingId: "billing id",
  externalBillingNote: "billing note",
};

function isChangeMap(value: unknown): value is ChangeMap {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => typeof v === "object" && v !== null)
  );
}

function changesText(changes: ChangeMap): string {
  const quoted = (value: string | null) => (value === null ? "none" : `“${value}”`);
  return Object.entries(changes)
    .map(([field, { from, to }]) => `${changedFieldNames[field] ?? field} ${quoted(from)} → ${quoted(to)}`)
    .join(", ");
}

function isTextMap(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

export function HistoryTimeline({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing has happened to this file yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {entries.map((entry) => {
        const description = describe(entry);
        return (
          <li key={entry.id} className="text-sm">
            <span
              className="absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-500"
              aria-hidden
            />
            <div className="font-medium">{actionLabel(entry.action)}</div>
            <div className="text-xs text-slate-500">
              {formatDateTime(entry.at)} · {actorOf(entry)}
            </div>
            {description && <div className="mt-0.5 text-slate-700">{description}</div>}
          </li>
        );
      })}
    </ol>
  );
}
