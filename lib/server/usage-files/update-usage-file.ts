import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageFiles, type UsageFile } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { canAuthorUsageFile, type Actor } from "@/lib/domain/permissions";
import type { UpdateUsageFileInput } from "@/lib/domain/usage-file-input";
import { statusesAllowing, usageFileStatuses } from "@/lib/domain/usage-file-status";
import { recordEvent } from "@/lib/server/events";
import { getUsageFile } from "@/lib/server/queries/usage-files";

/**
 * The vendor edits a file's name and description while it is still theirs to change (the states
 * that accept an upload), and its own reference (external id) and internal note at any time.
 */
export async function updateUsageFile(
  actor: Actor,
  usageFileId: string,
  input: UpdateUsageFileInput,
): Promise<Result<UsageFile>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fail("not_found", "Usage file not found.");
  if (!canAuthorUsageFile(actor, file)) return fail("forbidden", "Only the file's vendor can edit it.");
  const changesDetails = input.name !== undefined || input.description !== undefined;
  const editable = changesDetails ? statusesAllowing("upload") : usageFileStatuses.filter((s) => s !== "deleted");
  if (!editable.includes(file.status)) return detailsFixed();

  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(usageFiles)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(usageFiles.id, usageFileId), inArray(usageFiles.status, [...editable])))
      .returning();
    if (row)
      await recordEvent(tx, {
        objectType: "usage_file",
        objectId: usageFileId,
        action: "update",
        actor,
        details: { fields: Object.keys(input) },
      });
    return row;
  });
  return updated ? ok(updated) : detailsFixed();
}

function detailsFixed() {
  return fail("invalid_transition", "The name and description are fixed once the file is submitted.");
}
