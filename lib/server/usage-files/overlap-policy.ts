import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { products } from "@/db/schema";
import { sumUsageFileTotalsAgain } from "@/db/usage-file-totals";
import { defaultRecordErrorMessages } from "@/lib/domain/record-errors";
import { recordsMadeInvalid, type RecordsMadeInvalid } from "./records-made-invalid";
import {
  usageWarningCodes,
  type OverlapPolicy,
  type UsageWarningCode,
  type WarningCounts,
} from "@/lib/domain/usage-warnings";

export async function overlapPolicyOf(tx: Database, productId: string): Promise<OverlapPolicy> {
  const [product] = await tx
    .select({ overlapPolicy: products.overlapPolicy })
    .from(products)
    .where(eq(products.id, productId));
  return product?.overlapPolicy ?? "warn";
}

export function hasWarnings(counts: WarningCounts): boolean {
  return usageWarningCodes.some((code) => counts[code] > 0);
}

/** The cell each warning's error points at. */
const columnOf: Record<UsageWarningCode, string> = {
  overlaps_other_file: "start_time_utc",
  duplicate_record_id_other_file: "record_id",
  overlaps_in_file: "start_time_utc",
};

/**
 * A product whose overlap policy is `block`: the file's valid records with a warning become invalid
 * with errors of the same codes (the warnings stay, naming the other record), and the file's stored
 * totals are summed again without them. One statement makes them invalid and answers what moved,
 * summed by item, subscription and day, whatever the number of records.
 */
export async function blockWarnedRecords(
  tx: Database,
  file: { id: string; generation: number },
): Promise<RecordsMadeInvalid> {
  const errorOf = JSON.stringify(
    Object.fromEntries(
      usageWarningCodes.map((code) => [code, { column: columnOf[code], message: defaultRecordErrorMessages[code] }]),
    ),
  );
  const blocked = await recordsMadeInvalid(
    tx,
    sql`warned AS (
          SELECT usage_record_id,
            jsonb_agg(jsonb_build_object('column', ${errorOf}::jsonb -> code ->> 'column', 'code', code,
              'message', ${errorOf}::jsonb -> code ->> 'message') ORDER BY code) AS errors
          FROM usage_record_warnings
          WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
          GROUP BY usage_record_id
        ),
        changed AS (
          UPDATE usage_records r SET errors = warned.errors FROM warned
          WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation}
            AND r.id = warned.usage_record_id AND r.errors IS NULL
          RETURNING r.row_number, r.item_id, r.subscription_id, r.start_time, r.quantity, r.amount, r.errors,
            true AS was_valid
        )`,
  );
  await sumUsageFileTotalsAgain(tx, file);
  return blocked;
}
