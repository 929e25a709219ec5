import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { currentRecordsOf } from "@/db/record-partitions";
import { addToUsageFileTotals, removeFromUsageFileTotals } from "@/db/usage-file-totals";
import { items, usageFiles, usageRecords, type UsageRecord } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { applyCellEdits, type RecordCorrectionInput } from "@/lib/domain/record-correction";
import type { ValidatedRecord } from "@/lib/domain/record-rules";
import { cellsOfValidRecord } from "@/lib/domain/usage-disputes";
import { storedDecimal, withValidRecordReplaced, type CountedRecord } from "@/lib/domain/usage-stats";
import { recordEvent } from "@/lib/server/events";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { changedMeanwhile } from "./act-on-usage-file";
import {
  countedRecord,
  FileChanged,
  findRecord,
  stillInvalid,
  storedValuesOf,
  validateCorrection,
} from "./record-edit-steps";
import { addRecordIdKey } from "./record-id-keys";
import { keepRejectedValues } from "./usage-file-rejections";

/** A search value is written back to the sheet with its criterion: the cells name the item by MPN and the subscription by id. */
const writtenTogether = [
  ["item_search_criteria", "item_search_value"],
  ["asset_search_criteria", "asset_search_value"],
] as const;

/**
 * The vendor corrects a record of a Rejected file in the browser (issue 21): its cells, rebuilt from
 * its values, are edited and checked by the same rules as an upload; the record, the file's stats
 * and totals change together, its values at the rejection are kept for the next review, and the
 * edit is in the history. The file stays Rejected until the vendor submits it again; its warnings
 * and anomalies are checked again then.
 */
export async function reviseRejectedRecord(
  actor: Actor,
  file: UsageFileView,
  input: RecordCorrectionInput,
): Promise<Result<{ fileReady: boolean }>> {
  const db = await getDb();
  const record = await findRecord(db, file, input.recordId);
  if (!record) return fail("not_found", "Record not found.");
  if (record.errors) return fail("conflict", "This record is invalid: upload the file again.");
  const cells = cellsOfValidRecord({ ...record, itemMpn: await mpnOf(db, record.itemId!) });
  const edited = applyCellEdits(cells, input.cells);
  if (!edited.ok) return edited;
  const changed = { ...edited.value.changed };
  if (Object.keys(changed).length === 0)
    return fail("invalid_input", "Nothing was changed: edit a cell before saving.");
  for (const pair of writtenTogether) {
    if (pair.some((column) => column in changed))
      for (const column of pair) changed[column] = edited.value.cells[column]!;
  }

  const validated = await validateCorrection(db, file, record, edited.value.cells);
  if (validated.errors) return stillInvalid(validated.errors);
  try {
    await db.transaction(async (tx) => {
      await keepRejectedValues(tx, file, record);
      await saveRecord(tx, file, record, validated, changed);
      const before = countedOf(record);
      const after = countedRecord(validated);
      await removeFromUsageFileTotals(tx, file, before);
      await addToUsageFileTotals(tx, file, after);
      await recordEvent(tx, {
        objectType: "usage_file",
        objectId: file.id,
        action: "record_fixed",
        actor,
        details: { recordId: validated.recordId, row: record.rowNumber, cells: edited.value.changed },
      });
      const [updated] = await tx
        .update(usageFiles)
        .set({ stats: withValidRecordReplaced(file.stats!, before, after), updatedAt: new Date() })
        .where(
          and(
            eq(usageFiles.id, file.id),
            eq(usageFiles.status, "rejected"),
            eq(usageFiles.generation, file.generation),
          ),
        )
        .returning({ id: usageFiles.id });
      if (!updated) throw new FileChanged();
    });
    return ok({ fileReady: false });
  } catch (error) {
    if (error instanceof FileChanged) return changedMeanwhile();
    throw error;
  }
}

async function mpnOf(db: Database, itemId: string): Promise<string> {
  const [item] = await db.select({ mpn: items.mpn }).from(items).where(eq(items.id, itemId));
  return item!.mpn;
}

function countedOf(record: UsageRecord): CountedRecord {
  return {
    itemId: record.itemId!,
    subscriptionId: record.subscriptionId!,
    startTime: record.startTime!.getTime(),
    quantity: storedDecimal(record.quantity!),
    amount: record.amount === null ? null : storedDecimal(record.amount),
  };
}

async function saveRecord(
  tx: Database,
  file: UsageFileView,
  record: UsageRecord,
  validated: ValidatedRecord,
  changed: Record<string, string>,
) {
  const [saved] = await tx
    .update(usageRecords)
    .set({
      ...storedValuesOf(validated),
      correctedCells: sql`coalesce(${usageRecords.correctedCells}, '{}'::jsonb) || ${JSON.stringify(changed)}::jsonb`,
    })
    .where(and(currentRecordsOf(file), eq(usageRecords.id, record.id), isNull(usageRecords.errors)))
    .returning({ id: usageRecords.id });
  if (!saved) throw new FileChanged();
  if (validated.recordId !== record.recordId) await addRecordIdKey(tx, file, validated.recordId);
}
