/** Closing records with their external billing ids (SPEC §3), one by one, selected, or from a reconciliation sheet. */

export interface RecordClosing {
  /** The record's public id, `UR-…`. */
  recordId: string;
  billingId: string;
  billingNote: string;
}

export const closingRefusalReasons = ["not_found", "already_closed", "duplicate"] as const;
export type ClosingRefusalReason = (typeof closingRefusalReasons)[number];

export const closingRefusalMessages: Record<ClosingRefusalReason, string> = {
  not_found: "No such record in this usage file.",
  already_closed: "This record is already closed.",
  duplicate: "This record is listed more than once; none of its rows was used.",
};

/** What came of closing each record asked for. */
export interface ClosingReport {
  closed: string[];
  refused: { recordId: string; reason: ClosingRefusalReason }[];
}

/**
 * A record listed twice is ambiguous (which billing id is right?), so none of its rows counts;
 * the others keep their order.
 */
export function withoutDuplicates(closings: readonly RecordClosing[]): { unique: RecordClosing[]; duplicates: string[] } {
  const seen = new Map<string, number>();
  for (const closing of closings) seen.set(closing.recordId, (seen.get(closing.recordId) ?? 0) + 1);
  return {
    unique: closings.filter((closing) => seen.get(closing.recordId) === 1),
    duplicates: [...seen].filter(([, times]) => times > 1).map(([recordId]) => recordId),
  };
}
