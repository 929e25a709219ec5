import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { listUsageFilesWhere, visibleUsageFiles, type UsageFileView } from "./usage-files";

export interface ReviewQueues {
  /** Pending files, the longest waiting first. */
  pending: UsageFileView[];
  /** Accepted files still open for billing, the oldest first. */
  acceptedOpen: UsageFileView[];
  recentlyClosed: UsageFileView[];
}

const queueLength = 20;

/**
 * The reviewer's work: what waits for a decision, what waits for billing, what was just closed. A
 * file's last change is when it entered its status (submit, accept and close each update it).
 */
export async function listReviewQueues(actor: Actor): Promise<ReviewQueues> {
  const inStatus = (status: UsageFileStatus) => eq(usageFiles.status, status);
  const [pending, acceptedOpen, recentlyClosed] = await Promise.all([
    listUsageFilesWhere(actor, inStatus("pending"), [asc(usageFiles.updatedAt)], queueLength),
    listUsageFilesWhere(actor, inStatus("accepted"), [asc(usageFiles.updatedAt)], queueLength),
    listUsageFilesWhere(actor, inStatus("closed"), [desc(usageFiles.updatedAt)], 10),
  ]);
  return { pending, acceptedOpen, recentlyClosed };
}

export interface PeriodTotals {
  vendorName: string;
  productName: string;
  itemId: string;
  itemName: string;
  unit: string;
  files: number;
  records: number;
  /** Exact decimal text. */
  quantity: string;
  amount: string | null;
}

/**
 * Usage per vendor, product and item of the files submitted to the actor whose period starts in
 * `month` (`YYYY-MM`), Rejected ones left out. Summed from each file's stored stats (a few rows
 * per file), never from the records.
 */
export async function listPeriodTotals(actor: Actor, month: string): Promise<PeriodTotals[]> {
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const where = and(
    visibleUsageFiles(actor),
    inArray(usageFiles.status, ["pending", "accepted", "closed"]),
    gte(usageFiles.periodFrom, from),
    lt(usageFiles.periodFrom, to),
  );
  const db = await getDb();
  return selectRows<PeriodTotals>(
    db,
    sql`SELECT vendor.name AS "vendorName", products.name AS "productName", items.id AS "itemId", items.name AS "itemName",
               items.unit, count(*)::int AS files, sum((item->>'records')::int)::int AS records,
               trim_scale(sum((item->>'quantity')::numeric))::text AS quantity, trim_scale(sum((item->>'amount')::numeric))::text AS amount
        FROM usage_files
        CROSS JOIN LATERAL jsonb_array_elements(usage_files.stats->'byItem') AS item
        JOIN accounts AS vendor ON vendor.id = usage_files.vendor_account_id
        JOIN products ON products.id = usage_files.product_id
        JOIN items ON items.id = item->>'itemId'
        WHERE ${where}
        GROUP BY vendor.name, products.name, items.id, items.name, items.unit
        ORDER BY vendor.name, products.name, items.id`,
  );
}
