import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, selectRows, type Database } from "@/db/client";
import { usageRecords } from "@/db/schema";

/** The current generation of a file: the records it shows (usage_records is partitioned by it). */
export interface FileRecords {
  id: string;
  generation: number;
}

export function ofFile(file: FileRecords) {
  return and(eq(usageRecords.usageFileId, file.id), eq(usageRecords.generation, file.generation))!;
}

/** Whether a valid record of the file still has no billing id of its own; stops at the first one. */
export async function hasOpenRecords(db: Database, file: FileRecords): Promise<boolean> {
  const open = db
    .select({ one: sql`1` })
    .from(usageRecords)
    .where(and(ofFile(file), isNull(usageRecords.closedAt), isNull(usageRecords.errors)));
  const [row] = await selectRows<{ open: boolean }>(db, sql`SELECT EXISTS (${open}) AS open`);
  return row?.open === true;
}

/** For a file's page: whether any of its records is still open for billing. */
export async function hasRecordsToClose(
  file: FileRecords & { status: string; billingId: string | null },
): Promise<boolean> {
  if (file.status !== "accepted" || file.billingId) return false;
  return hasOpenRecords(await getDb(), file);
}
