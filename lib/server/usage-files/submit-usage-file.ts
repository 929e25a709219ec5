import "server-only";
import type { UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { actOnUsageFile } from "./act-on-usage-file";

/** The vendor hands a Ready file to its distributor for review (SPEC §2: submit). */
export function submitUsageFile(actor: Actor, usageFileId: string): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "submit");
}
