import "server-only";
import { found, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getUsageFile, type UsageFileView } from "@/lib/server/queries/usage-files";

/**
 * A use case's changed file as the caller may see it: the API shows every usage file in this one
 * shape, never the row a use case returns (it carries the vendor's internal note).
 */
export async function asSeenBy(actor: Actor, result: Result<{ id: string }>): Promise<Result<UsageFileView>> {
  if (!result.ok) return result;
  return found(await getUsageFile(actor, result.value.id), "Usage file not found.");
}
