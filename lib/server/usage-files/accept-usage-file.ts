import "server-only";
import type { z } from "zod";
import type { UsageFile } from "@/db/schema";
import type { Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { acceptUsageFileInput } from "@/lib/domain/usage-file-review";
import { actOnUsageFile } from "./act-on-usage-file";
import { writeReversals } from "./amendment-records";

/**
 * The reviewer accepts a Pending file for billing, with a note the vendor sees (SPEC §2: accept);
 * an amendment's reversals are written in the same transaction.
 */
export function acceptUsageFile(
  actor: Actor,
  usageFileId: string,
  input: z.output<typeof acceptUsageFileInput>,
): Promise<Result<UsageFile>> {
  return actOnUsageFile(actor, usageFileId, "accept", {
    set: { acceptanceNote: input.acceptanceNote, rejectionNote: null },
    details: { note: input.acceptanceNote },
    followUp: (tx, file) =>
      file.amends === null ? Promise.resolve(file) : writeReversals(tx, { ...file, amends: file.amends }),
  });
}
