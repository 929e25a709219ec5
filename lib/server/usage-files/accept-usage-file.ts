import "server-only";
import type { z } from "zod";
import type { UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { acceptUsageFileInput } from "@/lib/domain/usage-file-review";
import { actOnUsageFile } from "./act-on-usage-file";

/** The reviewer accepts a Pending file for billing, with a note the vendor sees (SPEC §2: accept). */
export function acceptUsageFile(
  actor: Actor,
  usageFileId: string,
  input: z.output<typeof acceptUsageFileInput>,
): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "accept", {
    set: { acceptanceNote: input.acceptanceNote, rejectionNote: null },
    details: { note: input.acceptanceNote },
  });
}
