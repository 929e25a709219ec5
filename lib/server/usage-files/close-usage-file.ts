import "server-only";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { selectRows, type Database } from "@/db/client";
import type { UsageFile } from "@/db/schema";
import { fail, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { closeUsageFileInput } from "@/lib/domain/usage-file-review";
import { hasOpenRecords } from "@/lib/server/usage-records/open-records";
import { actOnUsageFile } from "./act-on-usage-file";

/**
 * Accepted → Closed (SPEC §2). Without a billing reference every record must be closed already;
 * with one, the reference closes all remaining records in the same single-row update: records
 * without a billing id of their own take the file's (lib/server/queries/record-status.ts).
 */
export function closeUsageFile(
  actor: Actor,
  usageFileId: string,
  input: z.output<typeof closeUsageFileInput>,
): Promise<Result<UsageFile>> {
  const reference = input.externalBillingId
    ? { billingId: input.externalBillingId, billingNote: input.externalBillingNote }
    : null;
  return actOnUsageFile(actor, usageFileId, "close", {
    set: reference ?? undefined,
    details: reference ?? undefined,
    precondition: async (tx, file) => {
      const billingId = await lockedBillingId(tx, file.id);
      if (billingId) {
        return reference
          ? fail(
              "conflict",
              `The remaining records were already closed with billing reference ${billingId}; close the file without one.`,
            )
          : null;
      }
      if (reference || !(await hasOpenRecords(tx, file))) return null;
      return fail(
        "validation_failed",
        "Some records are still open: close them first, or give a billing reference that closes all remaining records.",
        { externalBillingId: "Required while records are open." },
      );
    },
  });
}

/**
 * The file's billing reference, read again under a lock: another reviewer may have closed the
 * remaining records since the file was read, and their reference must not be overwritten.
 */
async function lockedBillingId(tx: Database, usageFileId: string): Promise<string | null> {
  const [row] = await selectRows<{ billing_id: string | null }>(
    tx,
    sql`SELECT billing_id FROM usage_files WHERE id = ${usageFileId} FOR UPDATE`,
  );
  return row?.billing_id ?? null;
}
