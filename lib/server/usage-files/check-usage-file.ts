import "server-only";
import type { Database } from "@/db/client";
import type { AnomalyCounts } from "@/lib/domain/usage-anomalies";
import type { WarningCounts } from "@/lib/domain/usage-warnings";
import { checkUsageAnomalies, type AnomalyCheckedFile } from "./usage-anomalies";
import { checkUsageWarnings, type CheckedFile } from "./usage-warnings";

/** What a reviewer should look at before billing a file, as stored on it. */
export interface UsageFileChecks {
  warningCounts: WarningCounts;
  anomalyCounts: AnomalyCounts;
}

/**
 * The double-billing guard on a file's current records: its warnings against the other live files
 * of the contract, and its anomalies against the pairs' history. Run when the file is processed,
 * when its last invalid record is corrected, and at submission, since other files move meanwhile.
 */
export async function checkUsageFile(tx: Database, file: CheckedFile & AnomalyCheckedFile): Promise<UsageFileChecks> {
  return {
    warningCounts: await checkUsageWarnings(tx, file),
    anomalyCounts: await checkUsageAnomalies(tx, file),
  };
}
