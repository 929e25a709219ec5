import "server-only";
import { eq, sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { products } from "@/db/schema";
import { sumUsageFileTotalsAgain, summedGroupsOf } from "@/db/usage-file-totals";
import { defaultRecordErrorMessages, type ErrorSummary } from "@/lib/domain/record-errors";
import { countedGroupOf, type CountedGroup, type SummedGroup } from "@/lib/domain/usage-stats";
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

/** What making a file's warned records invalid moved: for its stats and its error summary. */
export interface BlockedRecords {
  groups: CountedGroup[];
  summary: ErrorSummary;
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
export async function blockWarnedRecords(tx: Database, file: { id: string; generation: number }) {
  const errorOf = JSON.stringify(
    Object.fromEntries(
      usageWarningCodes.map((code) => [code, { column: columnOf[code], message: defaultRecordErrorMessages[code] }]),
    ),
  );
  const [moved] = await selectRows<{
    groups: SummedGroup[];
    byCode: ErrorSummary["byCode"];
    first: ErrorSummary["first"];
  }>(
    tx,
    sql`WITH warned AS (
          SELECT usage_record_id,
            jsonb_agg(jsonb_build_object('column', ${errorOf}::jsonb -> code ->> 'column', 'code', code,
              'message', ${errorOf}::jsonb -> code ->> 'message') ORDER BY code) AS errors
          FROM usage_record_warnings
          WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
          GROUP BY usage_record_id
        ),
        blocked AS (
          UPDATE usage_records r SET errors = warned.errors FROM warned
          WHERE r.usage_file_id = ${file.id} AND r.generation = ${file.generation}
            AND r.id = warned.usage_record_id AND r.errors IS NULL
          RETURNING r.row_number, r.item_id, r.subscription_id, r.start_time, r.quantity, r.amount, r.errors
        )
        SELECT
          ${summedGroupsOf(sql`blocked`)} AS groups,
          (SELECT coalesce(jsonb_object_agg(code, n), '{}') FROM (
            SELECT e ->> 'code' AS code, count(*)::int AS n
            FROM blocked, jsonb_array_elements(blocked.errors) e GROUP BY 1) c) AS "byCode",
          (SELECT coalesce(jsonb_agg(f ORDER BY f.row), '[]') FROM (
            SELECT b.row_number AS row, e ->> 'column' AS "column", e ->> 'code' AS code, e ->> 'message' AS message
            FROM blocked b, jsonb_array_elements(b.errors) e ORDER BY b.row_number LIMIT 100) f) AS first`,
  );
  await sumUsageFileTotalsAgain(tx, file);
  const groups = moved!.groups.map(countedGroupOf);
  const invalidRecords = groups.reduce((sum, group) => sum + group.records, 0);
  const total = Object.values(moved!.byCode).reduce((sum, count) => sum + (count ?? 0), 0);
  return {
    groups,
    summary: { total, invalidRecords, byCode: moved!.byCode, first: moved!.first },
  } satisfies BlockedRecords;
}
