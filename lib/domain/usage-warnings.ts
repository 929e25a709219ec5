import { z } from "zod";
import { usageRecordPublicId } from "./ids";
import type { UsageFileStatus } from "./usage-file-status";
import { statusesVisibleToDistributors } from "./permissions";

/**
 * Warnings (SPEC §7): what a reviewer should look at before billing a record. A warning never makes
 * a record invalid; it names the other record it was found against.
 */
export const usageWarningCodes = ["overlaps_other_file", "duplicate_record_id_other_file", "overlaps_in_file"] as const;
export const usageWarningCodeSchema = z.enum(usageWarningCodes);
export type UsageWarningCode = z.infer<typeof usageWarningCodeSchema>;

export const usageWarningLabels: Record<UsageWarningCode, string> = {
  overlaps_other_file: "Overlaps another file",
  duplicate_record_id_other_file: "Record id used in another file",
  overlaps_in_file: "Overlaps within the file",
};

/** What a product does with a record that overlaps other usage: warn (the default) or make it invalid. */
export const overlapPolicies = ["warn", "block"] as const;
export type OverlapPolicy = (typeof overlapPolicies)[number];

/**
 * The files whose records may be billed, or already were: a record overlapping one of theirs could
 * be billed twice. Deleted, Rejected and Invalid files are out, and so are files still being made.
 */
export const liveUsageFileStatuses = [
  "ready",
  "pending",
  "accepted",
  "closed",
] as const satisfies readonly UsageFileStatus[];

/**
 * The other files a file's records are checked against. Until it is submitted only its vendor sees
 * it, and every live file counts; from submission on its reviewer sees it too, so only the live
 * files the reviewer may also see count (no Ready file of the vendor's): a warning never names a
 * file its reader may not open.
 */
export function warningCounterpartStatuses(checked: { submitted: boolean }): readonly UsageFileStatus[] {
  if (!checked.submitted) return liveUsageFileStatuses;
  return liveUsageFileStatuses.filter((status) => statusesVisibleToDistributors.includes(status));
}

/** A usage window, `[start, end)` in epoch ms. */
export interface UsageWindow {
  start: number;
  end: number;
}

/**
 * Half-open windows overlap when each starts before the other ends: touching windows (end = start)
 * do not. The warnings query says the same in SQL (lib/server/usage-files/usage-warnings.ts).
 */
export function windowsOverlap(a: UsageWindow, b: UsageWindow): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The other record a warning was found against, as stored with the warning. */
export interface WarningCounterpart {
  code: UsageWarningCode;
  otherFileId: string;
  /** The other record's internal id (its public id is `UR-…`). */
  otherRecordId: number;
  /** The vendor's own id of the other record, from its sheet. */
  otherRecordKey: string;
}

export const usageWarningSchema = z.object({
  code: usageWarningCodeSchema,
  message: z.string(),
  otherFileId: z.string(),
  /** The other record's `UR-…` id. */
  otherRecordId: z.string(),
});
export type UsageWarning = z.infer<typeof usageWarningSchema>;

export function describeWarning(counterpart: WarningCounterpart): UsageWarning {
  const other = `record ${counterpart.otherRecordKey} (${usageRecordPublicId(counterpart.otherRecordId)})`;
  const messages: Record<UsageWarningCode, string> = {
    overlaps_other_file: `Overlaps ${other} of usage file ${counterpart.otherFileId}: same subscription and item, overlapping time window.`,
    duplicate_record_id_other_file: `Record id ${counterpart.otherRecordKey} is already used by ${usageRecordPublicId(counterpart.otherRecordId)} in usage file ${counterpart.otherFileId}.`,
    overlaps_in_file: `Overlaps ${other} of this file: same subscription and item, overlapping time window.`,
  };
  return {
    code: counterpart.code,
    message: messages[counterpart.code],
    otherFileId: counterpart.otherFileId,
    otherRecordId: usageRecordPublicId(counterpart.otherRecordId),
  };
}

/** How many of a file's records carry each warning; stored on the file so pages never count on request. */
export const warningCountsSchema = z.object({
  overlaps_other_file: z.number().int(),
  duplicate_record_id_other_file: z.number().int(),
  overlaps_in_file: z.number().int(),
});
export type WarningCounts = z.infer<typeof warningCountsSchema>;

export function warningCountsOf(counted: readonly { code: UsageWarningCode; records: number }[]): WarningCounts {
  const counts: WarningCounts = { overlaps_other_file: 0, duplicate_record_id_other_file: 0, overlaps_in_file: 0 };
  for (const { code, records } of counted) counts[code] = records;
  return counts;
}
