import "server-only";
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { usageFiles } from "@/db/schema";
import { usageRecordPublicId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { AmendmentRole } from "@/lib/domain/usage-amendments";
import { billableStatuses } from "@/lib/domain/usage-aggregates";
import { getUsageFile } from "./usage-files";

/** An amendment's current records, and the file it amends. */
export interface AmendmentFile {
  id: string;
  generation: number;
  amends: string;
}

/**
 * The billed files whose records an amendment replaces, as a condition on `usage_records r`: the
 * original and its other Accepted or Closed amendments, named as values so that only their
 * partitions are read.
 */
export async function billedChainOf(db: Database, file: AmendmentFile): Promise<SQL> {
  const chain = await db
    .select({ id: usageFiles.id, generation: usageFiles.generation })
    .from(usageFiles)
    .where(
      and(
        or(eq(usageFiles.id, file.amends), eq(usageFiles.amends, file.amends)),
        ne(usageFiles.id, file.id),
        inArray(usageFiles.status, [...billableStatuses]),
      ),
    );
  if (chain.length === 0) return sql`FALSE`;
  const pairs = chain.map((billed) => sql`(${billed.id}, ${billed.generation}::integer)`);
  return sql`(r.usage_file_id, r.generation) IN (${sql.join(pairs, sql`, `)})`;
}

/** A record of an amendment that replaces or cancels a billed one, with both records' figures. */
export interface AmendedRecord {
  /** `UR-…` of the amendment's record. */
  id: string;
  recordId: string;
  role: Extract<AmendmentRole, "replacement" | "cancellation">;
  /** `UR-…` of the billed record. */
  amends: string;
  quantity: { old: string | null; new: string | null };
  amount: { old: string | null; new: string | null };
}

export interface AmendmentSummary {
  counts: Record<AmendmentRole, number>;
  /** The first replaced or cancelled records, in row order. */
  amended: AmendedRecord[];
}

/**
 * What an amendment does, for whoever may see it (null: not found, or not an amendment): how many
 * of its records replace, cancel, add and reverse, and the first `limit` replaced or cancelled
 * records with their billed figures beside the new ones.
 */
export async function getAmendmentSummary(
  actor: Actor,
  usageFileId: string,
  limit = 50,
): Promise<AmendmentSummary | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file?.amends) return null;
  const db = await getDb();
  const own = sql`a.usage_file_id = ${file.id} AND a.generation = ${file.generation} AND a.errors IS NULL`;
  // billsNothing (lib/domain/usage-amendments.ts), in SQL.
  const cancels = sql`coalesce(a.quantity, 0) = 0 AND coalesce(a.amount, 0) = 0`;
  const [counts] = await selectRows<Record<AmendmentRole, number>>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE NOT a.reversal AND a.amends_record_id IS NOT NULL AND NOT (${cancels}))::int AS replacement,
          count(*) FILTER (WHERE NOT a.reversal AND a.amends_record_id IS NOT NULL AND ${cancels})::int AS cancellation,
          count(*) FILTER (WHERE NOT a.reversal AND a.amends_record_id IS NULL)::int AS addition,
          count(*) FILTER (WHERE a.reversal)::int AS reversal
        FROM usage_records a WHERE ${own}`,
  );
  const billed = await billedChainOf(db, { ...file, amends: file.amends });
  const rows = await selectRows<{
    id: number | string;
    recordId: string;
    cancels: boolean;
    amends: number | string;
    quantity: string | null;
    amount: string | null;
    oldQuantity: string | null;
    oldAmount: string | null;
  }>(
    db,
    sql`SELECT a.id, a.record_id AS "recordId", ${cancels} AS cancels, a.amends_record_id AS amends,
          a.quantity::text AS quantity, a.amount::text AS amount,
          r.quantity::text AS "oldQuantity", r.amount::text AS "oldAmount"
        FROM usage_records a LEFT JOIN usage_records r ON r.id = a.amends_record_id AND ${billed}
        WHERE ${own} AND NOT a.reversal AND a.amends_record_id IS NOT NULL
        ORDER BY a.row_number LIMIT ${limit}`,
  );
  return {
    counts: counts!,
    amended: rows.map((row) => ({
      id: usageRecordPublicId(Number(row.id)),
      recordId: row.recordId,
      role: row.cancels ? "cancellation" : "replacement",
      amends: usageRecordPublicId(Number(row.amends)),
      quantity: { old: row.oldQuantity, new: row.quantity },
      amount: { old: row.oldAmount, new: row.amount },
    })),
  };
}
