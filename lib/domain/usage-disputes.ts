import { z } from "zod";
import { parseUsageRecordPublicId } from "./ids";
import { formatSheetTime } from "./sheet-time";

/**
 * Disputed records (issue 21): a rejection may name records of the file, each with the reason the
 * vendor reads. Bounded so that one rejection stays one small insert; a reviewer who disputes more
 * says so in the rejection note.
 */
export const maxDisputedRecords = 1000;

const reason = z
  .string()
  .trim()
  .min(1, "Give a reason for each disputed record.")
  .max(1000, "Keep a reason under 1,000 characters.");

export const disputedRecordInput = z.object({
  id: z
    .string()
    .trim()
    .refine((id) => parseUsageRecordPublicId(id) !== null, "A disputed record is named by its id, UR-…")
    .describe("The record's public id, UR-…"),
  reason,
});

export const disputedRecordsInput = z
  .array(disputedRecordInput)
  .max(maxDisputedRecords, `Dispute at most ${maxDisputedRecords.toLocaleString("en-US")} records at once.`)
  .superRefine((records, context) => {
    const seen = new Set<string>();
    for (const [index, record] of records.entries()) {
      if (seen.has(record.id))
        context.addIssue({ code: "custom", path: [index, "id"], message: `${record.id} is disputed twice.` });
      seen.add(record.id);
    }
  });
export type DisputedRecordInput = z.output<typeof disputedRecordInput>;

/**
 * The reject dialog's records, as a form sends them: one `disputed` field per ticked record id and,
 * per record, `reason.<UR-…>`, or else `reasonForAll`, whichever is given.
 */
export function disputedRecordsOfForm(form: {
  disputed: readonly string[];
  reasonForAll: string;
  reasons: Readonly<Record<string, string>>;
}): DisputedRecordInput[] {
  return form.disputed.map((id) => ({ id, reason: form.reasons[id]?.trim() || form.reasonForAll }));
}

/** What "changed" compares between a record at the rejection and now, matched by the vendor's record_id. */
export const comparedRecordFields = [
  "note",
  "item_id",
  "subscription_id",
  "quantity",
  "start_time_utc",
  "end_time_utc",
  "amount",
  "tier",
  "category_id",
  "params",
] as const;
export type ComparedRecordField = (typeof comparedRecordFields)[number];

/** A compared record's values as text (null for an empty cell): what the changes list shows. */
export type ComparedValues = Record<ComparedRecordField, string | null>;

export interface FieldChange {
  field: ComparedRecordField;
  old: string | null;
  new: string | null;
}

/** The fields whose value differs, in the order of comparedRecordFields. */
export function fieldChanges(before: ComparedValues, after: ComparedValues): FieldChange[] {
  return comparedRecordFields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, old: before[field], new: after[field] }));
}

/** A valid record's values as stored (none of them null for a valid record), and its item's MPN. */
export interface ValidRecordValues {
  recordId: string;
  note: string | null;
  itemMpn: string;
  subscriptionId: string | null;
  quantity: string | null;
  startTime: Date | null;
  endTime: Date | null;
  amount: string | null;
  tier: number | null;
  categoryId: string | null;
  params: Record<string, string> | null;
}

const sheetTimeOf = (time: Date | null) => (time === null ? "" : formatSheetTime(time.getTime()));

/**
 * The cells of a valid record (it keeps none of its own: only invalid records keep their sheet
 * cells), named by the template's columns: the item by MPN, the subscription by its id. Checked by
 * the same rules as an upload, they make the same record again.
 */
export function cellsOfValidRecord(record: ValidRecordValues): Record<string, string> {
  return {
    record_id: record.recordId,
    record_note: record.note ?? "",
    item_search_criteria: "item.mpn",
    item_search_value: record.itemMpn,
    quantity: record.quantity ?? "",
    start_time_utc: sheetTimeOf(record.startTime),
    end_time_utc: sheetTimeOf(record.endTime),
    asset_search_criteria: "asset.id",
    asset_search_value: record.subscriptionId ?? "",
    category_id: record.categoryId ?? "",
    amount: record.amount ?? "",
    tier: record.tier === null ? "" : String(record.tier),
    ...record.params,
  };
}

/** The grid's filter of a file under review again: what changed since the last rejection, or what it disputed. */
export const reviewFilters = ["changed", "disputed"] as const;
export type ReviewFilter = (typeof reviewFilters)[number];
export const reviewFilterLabels: Record<ReviewFilter, string> = {
  changed: "Changed since last review",
  disputed: "Disputed at last review",
};
