import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageFiles, type UsageFile } from "@/db/schema";
import { fail, type Failure, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { statusesAllowing } from "@/lib/domain/usage-file-status";
import { usageWarningCodes } from "@/lib/domain/usage-warnings";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { actOnUsageFile, changedMeanwhile } from "./act-on-usage-file";
import { checkUsageFile, type UsageFileChecks } from "./check-usage-file";
import { hasWarnings, overlapPolicyOf } from "./overlap-policy";
import { writeChangedRecords } from "./usage-file-rejections";

/**
 * The vendor hands a Ready file (or a Rejected one, again) to its distributor for review (SPEC §2: submit). Other files of the
 * contract may have come, gone or been decided since it was processed, so its warnings are checked
 * again (and its anomalies, against history decided since), in the transaction that moves it,
 * against the files the reviewer may see: the reviewer sees them as they are at submission, and
 * never one naming a file of the vendor's still unsent. A product that blocks overlapping usage
 * refuses the submission of a file that now overlaps, with its warnings kept for the vendor. A
 * file sent again after a rejection has its changed records written for the reviewer's grid.
 */
export function submitUsageFile(actor: Actor, usageFileId: string): Promise<Result<UsageFile>> {
  let checks: UsageFileChecks;
  return actOnUsageFile(actor, usageFileId, "submit", {
    precondition: async (tx, file) => {
      // Two submits at once would check (and rewrite the warnings of) one file together: the second waits.
      if (!(await lockSubmittableFile(tx, file.id))) return changedMeanwhile();
      checks = await checkUsageFile(tx, { ...file, submitted: true });
      return refusedOverlaps(tx, file, checks);
    },
    followUp: async (tx, file) => {
      await writeChangedRecords(tx, file);
      return storeChecks(tx, file.id, checks);
    },
  });
}

async function lockSubmittableFile(tx: Database, id: string): Promise<boolean> {
  const [file] = await tx
    .select({ status: usageFiles.status })
    .from(usageFiles)
    .where(eq(usageFiles.id, id))
    .for("update");
  return file !== undefined && statusesAllowing("submit").includes(file.status);
}

async function refusedOverlaps(tx: Database, file: UsageFileView, checks: UsageFileChecks): Promise<Failure | null> {
  if (!hasWarnings(checks.warningCounts) || (await overlapPolicyOf(tx, file.productId)) !== "block") return null;
  await storeChecks(tx, file.id, checks);
  const records = Math.max(...usageWarningCodes.map((code) => checks.warningCounts[code]));
  return fail(
    "invalid_transition",
    `${records.toLocaleString("en-US")} record(s) now overlap other usage of the contract, and ${file.productName} blocks overlapping usage: see the warnings, correct the spreadsheet and upload it again.`,
  );
}

async function storeChecks(tx: Database, id: string, checks: UsageFileChecks): Promise<UsageFile> {
  const [updated] = await tx.update(usageFiles).set(checks).where(eq(usageFiles.id, id)).returning();
  return updated!;
}
