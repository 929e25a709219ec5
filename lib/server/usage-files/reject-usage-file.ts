import "server-only";
import type { z } from "zod";
import type { UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { rejectUsageFileInput } from "@/lib/domain/usage-file-review";
import { actOnUsageFile } from "./act-on-usage-file";

/** The reviewer sends a Pending file back to its vendor, saying why (SPEC §2: reject, note required). */
export function rejectUsageFile(
  actor: Actor,
  usageFileId: string,
  input: z.output<typeof rejectUsageFileInput>,
): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "reject", {
    set: { rejectionNote: input.rejectionNote, acceptanceNote: null },
    details: { note: input.rejectionNote },
  });
}
