import { parseUsageRecordPublicId, usageRecordPublicId } from "./ids";
import type { RecordBillingEdit } from "./usage-file-review";

/** Closing records with their external billing ids (SPEC §3), one by one, selected, or from a reconciliation sheet. */

export interface RecordClosing {
  /** The record's public id, `UR-…`. */
  recordId: string;
  externalBillingId: string;
  externalBillingNote: string;
}

export const closingRefusalReasons = ["not_found", "already_closed", "duplicate", "file_not_open"] as const;
export type ClosingRefusalReason = (typeof closingRefusalReasons)[number];

export const closingRefusalMessages: Record<ClosingRefusalReason, string> = {
  not_found: "No such record in this usage file.",
  already_closed: "This record is already closed.",
  duplicate: "This record is listed more than once; none of its rows was used.",
  file_not_open:
    "This record's usage file is not open for billing: it is not Accepted, or its remaining records were closed with it.",
};

/** What came of closing each record asked for. */
export interface ClosingReport {
  closed: string[];
  refused: { recordId: string; reason: ClosingRefusalReason }[];
}

/**
 * The record a closing names, as reports name it: "UR-007" and " UR-7" are one record, "UR-7";
 * text that names no record stays as it was asked for.
 */
export function canonicalRecordId(recordId: string): string {
  const id = parseUsageRecordPublicId(recordId.trim());
  return id === null ? recordId : usageRecordPublicId(id);
}

/**
 * A record listed twice is ambiguous (which billing id is right?), so none of its rows counts;
 * the others keep their order.
 */
export function withoutDuplicates(closings: readonly RecordClosing[]): {
  unique: RecordClosing[];
  duplicates: string[];
} {
  const seen = new Map<string, number>();
  for (const closing of closings) seen.set(closing.recordId, (seen.get(closing.recordId) ?? 0) + 1);
  return {
    unique: closings.filter((closing) => seen.get(closing.recordId) === 1),
    duplicates: [...seen].filter(([, times]) => times > 1).map(([recordId]) => recordId),
  };
}

const refusalWords: Record<ClosingRefusalReason, string> = {
  not_found: "not found",
  already_closed: "already closed",
  duplicate: "listed twice",
  file_not_open: "its file is not open for billing",
};

/** The outcome in one sentence for a form, naming the first few refused records. */
export function describeClosingReport(report: ClosingReport, named = 5): string {
  const closed = `Closed ${report.closed.length} record${report.closed.length === 1 ? "" : "s"}.`;
  if (report.refused.length === 0) return closed;
  const listed = report.refused.slice(0, named).map((r) => `${r.recordId} (${refusalWords[r.reason]})`);
  const more = report.refused.length > named ? ` and ${report.refused.length - named} more` : "";
  return `${closed} Not closed: ${listed.join(", ")}${more}.`;
}

/** A closed record's billing reference as it stands; an empty note is none. */
export interface RecordBilling {
  externalBillingId: string | null;
  externalBillingNote: string | null;
}

/** Each field an edit changes, with its value before and after: what the history keeps. */
export type BillingChanges = Partial<Record<keyof RecordBilling, { from: string | null; to: string | null }>>;

/** The reference after `edit` (a field it leaves out stays), and what changed. */
export function editBilling(
  before: RecordBilling,
  edit: RecordBillingEdit,
): { after: RecordBilling; changes: BillingChanges } {
  const after: RecordBilling = {
    externalBillingId: edit.externalBillingId ?? before.externalBillingId,
    externalBillingNote:
      edit.externalBillingNote === undefined ? before.externalBillingNote : edit.externalBillingNote || null,
  };
  const changes: BillingChanges = {};
  for (const field of ["externalBillingId", "externalBillingNote"] as const) {
    if (after[field] !== before[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return { after, changes };
}
