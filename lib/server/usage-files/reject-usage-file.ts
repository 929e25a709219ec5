import "server-only";
import type { z } from "zod";
import type { UsageFile } from "@/db/schema";
import { fail, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { rejectUsageFileInput } from "@/lib/domain/usage-file-review";
import { actOnUsageFile } from "./act-on-usage-file";
import { disputedIdsNotInFile, storeRejection } from "./usage-file-rejections";

/**
 * The reviewer sends a Pending file back to its vendor, saying why (SPEC §2: reject, note required),
 * and may dispute records of it, each with a reason (issue 21). A disputed id that is not a record of
 * the file refuses the whole rejection, and nothing changes. The rejection keeps the generation it
 * judged, so that the next review shows what changed since.
 */
export function rejectUsageFile(
  actor: Actor,
  usageFileId: string,
  input: z.output<typeof rejectUsageFileInput>,
): Promise<Result<UsageFile>> {
  const disputed = input.disputedRecords ?? [];
  return actOnUsageFile(actor, usageFileId, "reject", {
    set: { rejectionNote: input.rejectionNote, acceptanceNote: null },
    details: { note: input.rejectionNote, ...(disputed.length > 0 && { disputedRecords: disputed.length }) },
    precondition: async (tx, file) => {
      const foreign = await disputedIdsNotInFile(tx, file, disputed);
      if (foreign.length === 0) return null;
      return fail(
        "validation_failed",
        `Only records of this file can be disputed: ${foreign.slice(0, 10).join(", ")}${foreign.length > 10 ? ", …" : ""} ${foreign.length === 1 ? "is" : "are"} not.`,
        { disputedRecords: foreign.join(", ") },
      );
    },
    followUp: async (tx, file) => {
      await storeRejection(tx, file, actor, disputed);
      return file;
    },
  });
}
