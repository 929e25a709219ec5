import "server-only";
import { and, eq, isNull, lt, ne, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { currentRecordsOf } from "@/db/record-partitions";
import { categories, usageRecords, type UsageRecord } from "@/db/schema";
import { fail, type Failure } from "@/lib/domain/errors";
import { validateRecordCells } from "@/lib/domain/record-correction";
import type { RecordError } from "@/lib/domain/record-errors";
import { duplicateRecordIdError, type ValidatedRecord } from "@/lib/domain/record-rules";
import type { CountedRecord } from "@/lib/domain/usage-stats";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { loadCatalogIndex } from "./catalog-index";
import { nonNegative } from "./ingest/record-copy-rows";

// What a record edited in the browser goes through, whether it was invalid (correctUsageRecord) or
// a record of a Rejected file (reviseRejectedRecord).

/** Thrown inside the transaction to undo it when the file changed under the correction. */
export class FileChanged extends Error {}

export function stillInvalid(errors: RecordError[]): Failure {
  const byColumn: Record<string, string> = {};
  for (const { column, message } of errors)
    byColumn[column] = byColumn[column] ? `${byColumn[column]} ${message}` : message;
  return fail("invalid_input", "Not saved: the record is still invalid. Fix the marked cells.", byColumn);
}

export function findRecord(db: Database, file: UsageFileView, id: number): Promise<UsageRecord | undefined> {
  return db.query.usageRecords.findFirst({
    where: and(currentRecordsOf(file), eq(usageRecords.id, id)),
  });
}

export async function validateCorrection(
  db: Database,
  file: UsageFileView,
  record: UsageRecord,
  cells: Record<string, string>,
) {
  const listed = await db
    .select({ categoryId: categories.categoryId })
    .from(categories)
    .where(and(eq(categories.usageFileId, file.id), eq(categories.generation, file.generation)));
  const catalog = await loadCatalogIndex(db, file, new Set(listed.map((c) => c.categoryId)));
  const validated = validateRecordCells(catalog, record.rowNumber, cells);
  const takenOnRow = validated.recordId ? await rowUsingRecordId(db, file, record, validated.recordId) : undefined;
  if (takenOnRow === undefined) return validated;
  return {
    ...validated,
    errors: [...(validated.errors ?? []), duplicateRecordIdError(validated.recordId, takenOnRow)],
  };
}

/** As in an upload, a record_id belongs to the valid record that has it, or else to its first row. */
async function rowUsingRecordId(db: Database, file: UsageFileView, record: UsageRecord, recordId: string) {
  const [other] = await db
    .select({ rowNumber: usageRecords.rowNumber })
    .from(usageRecords)
    .where(
      and(
        currentRecordsOf(file),
        eq(usageRecords.recordId, recordId),
        ne(usageRecords.id, record.id),
        or(isNull(usageRecords.errors), lt(usageRecords.rowNumber, record.rowNumber)),
      ),
    )
    .limit(1);
  return other?.rowNumber;
}

/** A valid record has every value the stats count. */
export function countedRecord(record: ValidatedRecord): CountedRecord {
  return {
    itemId: record.itemId!,
    subscriptionId: record.subscriptionId!,
    startTime: record.startTime!,
    quantity: record.quantity!,
    amount: record.amount,
  };
}

/** The columns an edited record is saved with, as an upload would have stored them. */
export function storedValuesOf(record: ValidatedRecord) {
  return {
    recordId: record.recordId,
    note: record.note,
    itemId: record.itemId,
    subscriptionId: record.subscriptionId,
    quantity: nonNegative(record.quantity),
    startTime: record.startTime === null ? null : new Date(record.startTime),
    endTime: record.endTime === null ? null : new Date(record.endTime),
    amount: nonNegative(record.amount),
    tier: record.tier,
    categoryId: record.categoryId,
    params: record.params,
  };
}
