import "server-only";
import type { UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { actOnUsageFile } from "./act-on-usage-file";

/** Soft delete (SPEC §2): the file and its records stay for the audit trail, hidden from every list. */
export function deleteUsageFile(actor: Actor, usageFileId: string): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "delete");
}
