import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { currentRecordsOf } from "@/db/record-partitions";
import { addToUsageFileTotals } from "@/db/usage-file-totals";
import { usageFiles, usageRecords, type UsageRecord } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { canAuthorUsageFile, type Actor } from "@/lib/domain/permissions";
import { applyCellEdits, type RecordCorrectionInput } from "@/lib/domain/record-correction";
import { mergeErrorSummaries, withoutRecordErrors } from "@/lib/domain/record-errors";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import { withCorrectedRecord, withRecordsMadeInvalid } from "@/lib/domain/usage-stats";
import { recordEvent } from "@/lib/server/events";
import { getUsageFile, type UsageFileView } from "@/lib/server/queries/usage-files";
import { authorizeAction, changedMeanwhile } from "./act-on-usage-file";
import { transitionUsageFile } from "./transition-usage-file";
import { guardUsageFile } from "./check-usage-file";
import { addRecordIdKey } from "./record-id-keys";
import { reviseRejectedRecord } from "./revise-rejected-record";
import {
  countedRecord,
  FileChanged,
  findRecord,
  stillInvalid,
  storedValuesOf,
  validateCorrection,
} from "./record-edit-steps";

export interface CorrectionOutcome {
  /** The file became Ready: this was its last invalid record. */
  fileReady: boolean;
}

/**
 * The vendor corrects an invalid record of an Invalid file in the browser (or any record of a
 * Rejected one: reviseRejectedRecord): the edited cells are
 * checked by the same rules as an upload. A correction that changes nothing, or leaves the record
 * invalid, is refused with the reasons by column and saves nothing; a valid one saves the record,
 * the file's counts and its error summary together, and with no invalid record left the file
 * becomes Ready.
 */
export async function correctUsageRecord(
  actor: Actor,
  input: RecordCorrectionInput,
): Promise<Result<CorrectionOutcome>> {
  const visible = await getUsageFile(actor, input.usageFileId);
  if (visible?.status === "rejected" && canAuthorUsageFile(actor, visible))
    return reviseRejectedRecord(actor, visible, input);
  const allowed = await authorizeAction(actor, input.usageFileId, "correct");
  if (!allowed.ok) return allowed;
  const file = allowed.value;
  const db = await getDb();
  const record = await findRecord(db, file, input.recordId);
  if (!record) return fail("not_found", "Record not found.");
  if (!record.errors) return fail("conflict", "This record is already valid.");
  if (!record.sheetCells) {
    return fail(
      "conflict",
      "This record overlaps other usage and its product blocks overlaps: correct it in the spreadsheet and upload the file again.",
    );
  }
  const edited = applyCellEdits(record.sheetCells, input.cells);
  if (!edited.ok) return edited;
  if (Object.keys(edited.value.changed).length === 0)
    return fail("invalid_input", "Nothing was changed: edit a cell before saving.");

  const validated = await validateCorrection(db, file, record, edited.value.cells);
  if (validated.errors) return stillInvalid(validated.errors);
  try {
    const fileReady = await db.transaction(async (tx) => {
      await saveRecord(tx, file, record, validated, edited.value);
      return updateFile(tx, actor, file, record, validated, edited.value.changed);
    });
    return ok({ fileReady });
  } catch (error) {
    if (error instanceof FileChanged) return changedMeanwhile();
    throw error;
  }
}

async function saveRecord(
  tx: Database,
  file: UsageFileView,
  record: UsageRecord,
  validated: ValidatedRecord,
  edited: { cells: Record<string, string>; changed: Record<string, string> },
) {
  const [saved] = await tx
    .update(usageRecords)
    .set({
      ...storedValuesOf(validated),
      errors: validated.errors,
      sheetCells: edited.cells,
      correctedCells: { ...record.correctedCells, ...edited.changed },
    })
    .where(and(currentRecordsOf(file), eq(usageRecords.id, record.id), isNotNull(usageRecords.errors)))
    .returning({ id: usageRecords.id });
  if (!saved) throw new FileChanged();
  if (validated.recordId !== record.recordId) await addRecordIdKey(tx, file, validated.recordId);
}

/**
 * The file's counts and error summary follow the record; the last correction makes it Ready, with its
 * warnings, unless its product blocks the overlaps that correction brought out.
 */
async function updateFile(
  tx: Database,
  actor: Actor,
  file: UsageFileView,
  record: UsageRecord,
  validated: ValidatedRecord,
  changed: Record<string, string>,
): Promise<boolean> {
  const counted = countedRecord(validated);
  let stats = withCorrectedRecord(file.stats!, counted);
  await addToUsageFileTotals(tx, file, counted);
  const summary = file.errorDetail?.kind === "records" ? file.errorDetail.summary : null;
  let errorDetail = summary && {
    kind: "records" as const,
    summary: withoutRecordErrors(summary, record.rowNumber, record.errors!),
  };
  await recordEvent(tx, {
    objectType: "usage_file",
    objectId: file.id,
    action: "record_fixed",
    actor,
    details: { recordId: validated.recordId, row: record.rowNumber, cells: changed },
  });

  let checks = {};
  if (stats.invalid === 0) {
    // The corrected records were not checked yet: the file is checked whole as it would become Ready.
    const { blocked, ...found } = await guardUsageFile(tx, { ...file, submitted: false });
    checks = found;
    if (!blocked) {
      const ready = await transitionUsageFile(tx, {
        usageFileId: file.id,
        action: "correct",
        actor,
        set: { stats, errorDetail: null, ...checks },
      });
      if (!ready || ready.generation !== file.generation) throw new FileChanged();
      return true;
    }
    stats = withRecordsMadeInvalid(stats, blocked.groups);
    const left = errorDetail?.summary;
    errorDetail = { kind: "records", summary: left ? mergeErrorSummaries(left, blocked.summary) : blocked.summary };
  }
  const [updated] = await tx
    .update(usageFiles)
    .set({ stats, errorDetail, ...checks, updatedAt: new Date() })
    .where(
      and(eq(usageFiles.id, file.id), eq(usageFiles.status, "invalid"), eq(usageFiles.generation, file.generation)),
    )
    .returning({ id: usageFiles.id });
  if (!updated) throw new FileChanged();
  return false;
}
