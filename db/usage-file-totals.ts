import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./client";
import type { CurrentGeneration } from "./record-partitions";

/** The exact sums of one subscription and item's valid records, as decimal text. */
export interface SubscriptionItemTotals {
  subscriptionId: string;
  itemId: string;
  records: number;
  quantity: string;
  amount: string | null;
}

// Rows per INSERT: a file whose every record has a subscription of its own still goes in bounded statements.
const chunkRows = 10_000;

/**
 * Stores a generation's sums, as processing gathered them (one JSON parameter per chunk, on both
 * engines), taking them a chunk at a time.
 */
export async function storeUsageFileTotals(
  db: Database,
  file: CurrentGeneration,
  totals: Iterable<SubscriptionItemTotals>,
): Promise<void> {
  let chunk: SubscriptionItemTotals[] = [];
  const insertChunk = async () => {
    await db.execute(sql`
      INSERT INTO usage_file_totals (usage_file_id, generation, subscription_id, item_id, records, quantity, amount)
      SELECT ${file.id}, ${file.generation}, t."subscriptionId", t."itemId", t.records, t.quantity, t.amount
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS t("subscriptionId" text, "itemId" text, records int, quantity numeric, amount numeric)`);
    chunk = [];
  };
  for (const row of totals) {
    chunk.push(row);
    if (chunk.length === chunkRows) await insertChunk();
  }
  if (chunk.length > 0) await insertChunk();
}

/** Stores a generation's sums from its records, for records written without processing (the demo data). */
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
