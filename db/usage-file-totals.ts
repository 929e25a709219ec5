import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database, DatabaseHandle } from "./client";
import { CsvLines } from "./copy";
import type { CurrentGeneration } from "./record-partitions";

/** The exact sums of one subscription and item's valid records, as decimal text. */
export interface SubscriptionItemTotals {
  subscriptionId: string;
  itemId: string;
  records: number;
  quantity: string;
  amount: string | null;
}

/** How much CSV the sums' COPY gathers before handing it over. */
const flushBytes = 64 * 1024;

/**
 * Stores a new generation's sums, as processing gathered them, streamed by COPY on a connection of
 * its own as its records are: committed before the transaction that makes the generation visible,
 * and discarded with the rest of a generation that never is.
 */
export async function copyUsageFileTotals(
  handle: DatabaseHandle,
  file: CurrentGeneration,
  totals: Iterable<SubscriptionItemTotals>,
): Promise<void> {
  const writer = await handle.copyInto("usage_file_totals", [
    "usage_file_id",
    "generation",
    "subscription_id",
    "item_id",
    "records",
    "quantity",
    "amount",
  ]);
  try {
    const lines = new CsvLines();
    for (const row of totals) {
      lines.field(file.id).integer(file.generation).field(row.subscriptionId).field(row.itemId);
      lines.integer(row.records).field(row.quantity).field(row.amount).endLine();
      if (lines.byteLength >= flushBytes) await writer.write(lines.take());
    }
    await writer.write(lines.take());
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Stores a generation's sums from its records: records written without processing (the demo data),
 * or whose sums the reading gathered before some of them were found invalid (a repeated record_id).
 */
export async function storeUsageFileTotalsOfRecords(db: Database, file: CurrentGeneration): Promise<void> {
  await db.execute(sql`
    INSERT INTO usage_file_totals (usage_file_id, generation, subscription_id, item_id, records, quantity, amount)
    SELECT usage_file_id, generation, subscription_id, item_id, count(*)::int, sum(quantity), sum(amount)
    FROM usage_records
    WHERE usage_file_id = ${file.id} AND generation = ${file.generation} AND errors IS NULL
    GROUP BY usage_file_id, generation, subscription_id, item_id`);
}

/**
 * Rows of records (`item_id`, `subscription_id`, `start_time`, `quantity`, `amount`), summed by item,
 * subscription and UTC day as one JSON array of `SummedGroup` (lib/domain/usage-stats.ts).
 */
export function summedGroupsOf(records: SQL): SQL {
  return sql`(SELECT coalesce(jsonb_agg(g), '[]') FROM (
      SELECT item_id AS "itemId", subscription_id AS "subscriptionId",
        to_char(start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS records,
        sum(quantity)::text AS quantity, sum(amount)::text AS amount
      FROM ${records} GROUP BY 1, 2, 3) g)`;
}

/** Replaces a generation's sums with those of its valid records, after records were made invalid or added in bulk. */
export async function sumUsageFileTotalsAgain(db: Database, file: CurrentGeneration): Promise<void> {
  await db.execute(
    sql`DELETE FROM usage_file_totals WHERE usage_file_id = ${file.id} AND generation = ${file.generation}`,
  );
  await storeUsageFileTotalsOfRecords(db, file);
}

/** Adds a record that became valid (a correction) to its subscription and item's sums. */
export async function addToUsageFileTotals(
  db: Database,
  file: CurrentGeneration,
  record: Omit<SubscriptionItemTotals, "records">,
): Promise<void> {
  await db.execute(sql`
    INSERT INTO usage_file_totals AS t (usage_file_id, generation, subscription_id, item_id, records, quantity, amount)
    VALUES (${file.id}, ${file.generation}, ${record.subscriptionId}, ${record.itemId}, 1, ${record.quantity}, ${record.amount})
    ON CONFLICT (usage_file_id, generation, subscription_id, item_id) DO UPDATE
    SET records = t.records + 1, quantity = t.quantity + excluded.quantity,
        amount = CASE WHEN excluded.amount IS NULL THEN t.amount ELSE coalesce(t.amount, 0) + excluded.amount END`);
}

/** Takes a valid record out of its subscription and item's sums (it is being corrected); a pair left without records goes. */
export async function removeFromUsageFileTotals(
  db: Database,
  file: CurrentGeneration,
  record: Omit<SubscriptionItemTotals, "records">,
): Promise<void> {
  await db.execute(sql`
    UPDATE usage_file_totals
    SET records = records - 1, quantity = quantity - ${record.quantity}::numeric,
        amount = CASE WHEN ${record.amount}::numeric IS NULL THEN amount ELSE amount - ${record.amount}::numeric END
    WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
      AND subscription_id = ${record.subscriptionId} AND item_id = ${record.itemId}`);
  await db.execute(sql`
    DELETE FROM usage_file_totals
    WHERE usage_file_id = ${file.id} AND generation = ${file.generation}
      AND subscription_id = ${record.subscriptionId} AND item_id = ${record.itemId} AND records = 0`);
}
