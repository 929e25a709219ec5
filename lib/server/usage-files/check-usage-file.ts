import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnomalyCounts } from "@/lib/domain/usage-anomalies";
import type { WarningCounts } from "@/lib/domain/usage-warnings";
import { blockWarnedRecords, hasWarnings, overlapPolicyOf } from "./overlap-policy";
import type { RecordsMadeInvalid } from "./records-made-invalid";
import { linkAmendedRecords } from "./amendment-records";
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
  const { warningCounts, anomalyCounts } = await runChecks(tx, file, { mayBlock: false });
  return { warningCounts, anomalyCounts };
}

/**
 * The guard on records just processed or corrected: the checks, and, for a product whose overlap
 * policy is `block`, the records with a warning made invalid (`blocked` says what moved).
 */
export function guardUsageFile(
  tx: Database,
  file: CheckedFile & AnomalyCheckedFile,
): Promise<UsageFileChecks & { blocked: RecordsMadeInvalid | null }> {
  return runChecks(tx, file, { mayBlock: true });
}

/**
 * An amendment's records linked to the billed records they replace first (what the reviewer sees
 * before accepting), then warnings, any blocking, and the anomalies on the totals that are left.
 */
async function runChecks(
  tx: Database,
  file: CheckedFile & AnomalyCheckedFile,
  { mayBlock }: { mayBlock: boolean },
): Promise<UsageFileChecks & { blocked: RecordsMadeInvalid | null }> {
  // Compiling these statements (JIT) takes longer than running them: a second or more per check.
  await tx.execute(sql`SET LOCAL jit = off`);
  if (file.amends !== null) await linkAmendedRecords(tx, { ...file, amends: file.amends });
  const warningCounts = await checkUsageWarnings(tx, file);
  const blocks = mayBlock && hasWarnings(warningCounts) && (await overlapPolicyOf(tx, file.productId)) === "block";
  const blocked = blocks ? await blockWarnedRecords(tx, file) : null;
  return { warningCounts, anomalyCounts: await checkUsageAnomalies(tx, file), blocked };
}
