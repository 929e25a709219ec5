import "server-only";
import { and, isNull, sql } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { currentRecordsOf, type CurrentGeneration } from "@/db/record-partitions";
import { usageRecords } from "@/db/schema";

/** Whether a valid record of the file still has no billing id of its own; stops at the first one. */
export async function hasOpenRecords(db: Database, file: CurrentGeneration): Promise<boolean> {
  const open = db
    .select({ one: sql`1` })
    .from(usageRecords)
    .where(and(currentRecordsOf(file), isNull(usageRecords.closedAt), isNull(usageRecords.errors)));
  const [row] = await selectRows<{ open: boolean }>(db, sql`SELECT EXISTS (${open}) AS open`);
  return row?.open === true;
}

/** For a file's page: whether any of its records is still open for billing. */
export async function hasRecordsToClose(
  file: CurrentGeneration & { status: string; billingId: string | null },
): Promise<boolean> {
  if (file.status !== "accepted" || file.billingId) return false;
  return hasOpenRecords(await getDb(), file);
}
