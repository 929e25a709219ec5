import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { usageFiles, usageRecords } from "@/db/schema";
import { recordStatusByFileStatus } from "@/lib/domain/usage-file-status";

/**
 * `recordStatusOf` (lib/domain/usage-file-status.ts) as one SQL expression over `usage_records`
 * joined to its `usage_files` row: a record is closed by its own billing id or by the file's
 * "close all remaining" reference, and otherwise follows its file.
 */
export function recordStatusSql(): SQL<string> {
  const byFileStatus = sql.join(
    Object.entries(recordStatusByFileStatus).map(([file, record]) => sql`WHEN ${file} THEN ${record}`),
    sql` `,
  );
  return sql<string>`CASE
    WHEN ${usageRecords.errors} IS NOT NULL THEN 'invalid'
    WHEN ${usageRecords.closedAt} IS NOT NULL OR ${usageFiles.billingId} IS NOT NULL OR ${usageFiles.status} = 'closed' THEN 'closed'
    ELSE CASE ${usageFiles.status} ${byFileStatus} END
  END`;
}

/** The join condition to a file's current records: those of its visible generation. */
export function currentRecordsOf(): SQL {
  return sql`${usageRecords.usageFileId} = ${usageFiles.id} AND ${usageRecords.generation} = ${usageFiles.generation}`;
}
