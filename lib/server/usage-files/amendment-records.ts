import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { recordIdRange } from "@/db/record-partitions";
import { usageFiles, type UsageFile } from "@/db/schema";
import { sumUsageFileTotalsAgain, summedGroupsOf } from "@/db/usage-file-totals";
import { billedChainOf, type AmendmentFile } from "@/lib/server/queries/usage-file-amendments";
import { countedGroupOf, withRecordsAdded, type SummedGroup } from "@/lib/domain/usage-stats";

/**
 * Points each valid record of the amendment at the billed record of the same `record_id` it
 * replaces (null: it adds one). The billed record is the latest of the chain: the original's, or
 * the replacement an accepted amendment wrote, never one taken back by a reversal already.
 * Answers the billed files it looked in (`billedChainOf`).
 */
export async function linkAmendedRecords(tx: Database, file: AmendmentFile): Promise<SQL> {
  const billed = await billedChainOf(tx, file);
  await tx.execute(sql`
    WITH chain AS (
      SELECT r.id, r.record_id, r.reversal, r.amends_record_id FROM usage_records r
      WHERE ${billed} AND r.errors IS NULL
    ),
    current AS (
      SELECT id, record_id FROM chain
      WHERE NOT reversal AND id NOT IN (SELECT amends_record_id FROM chain WHERE reversal)
    ),
    links AS (
      SELECT a.id, current.id AS original FROM usage_records a
      LEFT JOIN current ON current.record_id = a.record_id
      WHERE a.usage_file_id = ${file.id} AND a.generation = ${file.generation} AND a.errors IS NULL AND NOT a.reversal
    )
    UPDATE usage_records a SET amends_record_id = links.original FROM links
    WHERE a.usage_file_id = ${file.id} AND a.generation = ${file.generation} AND a.id = links.id
      AND a.amends_record_id IS DISTINCT FROM links.original`);
  return billed;
}

/**
 * An amendment's acceptance, in the transaction that accepts it: its records are linked again
 * (another amendment of the same file may have been accepted since it was checked; the original's
 * row lock makes such acceptances take turns), and each replaced or cancelled record gets its
 * reversal, the record negated, in the amendment's own records. The stats, sums and id range follow.
 */
export async function writeReversals(tx: Database, file: UsageFile & AmendmentFile): Promise<UsageFile> {
  await tx.execute(sql`SELECT 1 FROM usage_files WHERE id = ${file.amends} FOR UPDATE`);
  const billed = await linkAmendedRecords(tx, file);
  const [written] = await selectRows<{ groups: SummedGroup[] }>(
    tx,
    sql`WITH reversed AS (
          INSERT INTO usage_records (usage_file_id, generation, row_number, record_id, note, item_id,
            subscription_id, quantity, start_time, end_time, amount, tier, category_id, params, amends_record_id, reversal)
          SELECT ${file.id}, ${file.generation}, a.row_number, r.record_id, 'Reversal of UR-' || r.id, r.item_id,
            r.subscription_id, -r.quantity, r.start_time, r.end_time, -r.amount, r.tier, r.category_id, r.params, r.id, TRUE
          FROM usage_records a JOIN usage_records r ON r.id = a.amends_record_id AND ${billed}
          WHERE a.usage_file_id = ${file.id} AND a.generation = ${file.generation}
            AND a.errors IS NULL AND NOT a.reversal
          ORDER BY a.row_number
          RETURNING item_id, subscription_id, start_time, quantity, amount
        )
        SELECT ${summedGroupsOf(sql`reversed`)} AS groups`,
  );
  const groups = written!.groups.map(countedGroupOf);
  if (groups.length === 0) return file;
  await sumUsageFileTotalsAgain(tx, file);
  const [updated] = await tx
    .update(usageFiles)
    .set({
      stats: file.stats && withRecordsAdded(file.stats, groups),
      ...(await recordIdRange(tx, file.id, file.generation)),
    })
    .where(eq(usageFiles.id, file.id))
    .returning();
  return updated!;
}
