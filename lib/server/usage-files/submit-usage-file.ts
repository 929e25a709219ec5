import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageFiles, type UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { actOnUsageFile } from "./act-on-usage-file";
import { checkUsageFile } from "./check-usage-file";

/**
 * The vendor hands a Ready file to its distributor for review (SPEC §2: submit). Other files of the
 * contract may have come, gone or been decided since it was processed, so its warnings are checked
 * again (and its anomalies, against history decided since), in the transaction that moves it, against the files the reviewer may see: the reviewer
 * sees them as they are at submission, and never one naming a file of the vendor's still unsent.
 */
export function submitUsageFile(actor: Actor, usageFileId: string): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "submit", { followUp: checkAgain });
}

async function checkAgain(tx: Database, file: UsageFile): Promise<UsageFile> {
  const checks = await checkUsageFile(tx, { ...file, submitted: true });
  const [updated] = await tx.update(usageFiles).set(checks).where(eq(usageFiles.id, file.id)).returning();
  return updated!;
}
