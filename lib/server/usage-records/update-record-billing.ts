import "server-only";
import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { usageRecordPublicId } from "@/lib/domain/ids";
import { canReviewUsageFile, type Actor } from "@/lib/domain/permissions";
import { editBilling, type BillingChanges, type RecordBilling } from "@/lib/domain/record-closing";
import { recordStatusLabels } from "@/lib/domain/usage-file-status";
import type { RecordBillingEdit } from "@/lib/domain/usage-file-review";
import { recordEvent } from "@/lib/server/events";
import { getUsageRecord, type UsageRecordView } from "@/lib/server/queries/usage-records";
import type { UsageFileView } from "@/lib/server/queries/usage-files";

export interface RecordBillingOutcome {
  file: UsageFileView;
  record: UsageRecordView;
  changes: BillingChanges;
}

/**
 * The distributor of a closed record's file corrects the record's external billing id or note (a
 * typo in an invoice number, say). Each change goes to the file's history with its old and new
 * value; an edit that changes nothing leaves no trace. A record closed by its file's "close all
 * remaining" reference takes the corrected reference as its own.
 */
export async function updateRecordBilling(
  actor: Actor,
  recordPublicId: string,
  edit: RecordBillingEdit,
): Promise<Result<RecordBillingOutcome>> {
  const shown = await getUsageRecord(actor, recordPublicId);
  if (!shown) return fail("not_found", `Record ${recordPublicId} not found.`);
  const { file, record } = shown;
  if (!canReviewUsageFile(actor, file)) {
    return fail("forbidden", "Only the distributor or reseller of the record's file can change its billing reference.");
  }
  const name = usageRecordPublicId(record.id);
  if (record.status !== "closed") {
    const status = recordStatusLabels[record.status];
    return fail(
      "invalid_transition",
      `Record ${name} is ${status}; only a closed record's billing reference can change.`,
    );
  }

  const db = await getDb();
  const changes = await db.transaction(async (tx) => {
    // A closed record stays closed and its file keeps its records; the lock orders two edits of one record.
    const [locked] = await selectRows<LockedRecord>(
      tx,
      sql`SELECT external_billing_id, external_billing_note, closed_at IS NOT NULL AS closed_alone FROM usage_records
          WHERE usage_file_id = ${file.id} AND generation = ${file.generation} AND id = ${record.id} FOR UPDATE`,
    );
    const before: RecordBilling = locked!.closed_alone
      ? { externalBillingId: locked!.external_billing_id, externalBillingNote: locked!.external_billing_note }
      : { externalBillingId: file.billingId, externalBillingNote: file.billingNote };
    const { after, changes } = editBilling(before, edit);
    if (Object.keys(changes).length === 0) return changes;
    await tx.execute(
      sql`UPDATE usage_records
          SET external_billing_id = ${after.externalBillingId}, external_billing_note = ${after.externalBillingNote},
              closed_at = coalesce(closed_at, now()), closed_by = coalesce(closed_by, ${actor.userId})
          WHERE usage_file_id = ${file.id} AND generation = ${file.generation} AND id = ${record.id}`,
    );
    await recordEvent(tx, {
      objectType: "usage_file",
      objectId: file.id,
      action: "record_billing_changed",
      actor,
      details: { recordId: name, changes },
    });
    return changes;
  });
  const updated = await getUsageRecord(actor, name);
  return ok({ file, record: updated!.record, changes });
}

interface LockedRecord {
  external_billing_id: string | null;
  external_billing_note: string | null;
  /** Closed with a billing reference of its own, not by its file's. */
  closed_alone: boolean;
}
