import "server-only";
import { getDatabase, getDb } from "@/db/client";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { jobSender, processUsageFileJob } from "@/lib/server/jobs/queue";
import { deleteStoredFile, storeFile } from "@/lib/server/storage/stored-files";
import { authorizeAction, changedMeanwhile } from "./act-on-usage-file";
import { transitionUsageFile } from "./transition-usage-file";
import { describeBytes, uploadLimits, type UploadLimits } from "./upload-limits";

export interface UploadInput {
  fileName: string;
  content: AsyncIterable<Uint8Array>;
}

const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
} as const;

const refusedExtensions: Record<string, string> = {
  xls: "Old .xls workbooks cannot be read: open it in Excel and save it as .xlsx.",
  ods: "OpenDocument spreadsheets cannot be read: save it as .xlsx.",
};

/**
 * Stores a vendor's spreadsheet and queues it for processing (SPEC §2: upload / re-upload).
 * The file is stored before the usage file points at it, and the status change, its event and the
 * job commit together: a refused or broken upload leaves the previous state as it was.
 */
export async function uploadUsageFile(
  actor: Actor,
  usageFileId: string,
  upload: UploadInput,
  limits: UploadLimits = uploadLimits(),
): Promise<Result<{ status: "uploading" }>> {
  const allowed = await authorizeAction(actor, usageFileId, "upload");
  if (!allowed.ok) return allowed;
  const extension = upload.fileName.split(".").pop()?.toLowerCase() ?? "";
  if (refusedExtensions[extension]) return fail("invalid_input", refusedExtensions[extension]);
  if (extension !== "xlsx" && extension !== "csv")
    return fail("invalid_input", "Upload an .xlsx workbook or a .csv file.");

  const handle = await getDatabase();
  const stored = await storeFile(handle, {
    usageFileId,
    purpose: "uploaded",
    fileName: upload.fileName,
    contentType: contentTypes[extension],
    content: upload.content,
    maxBytes: limits.maxBytes,
  });
  if (!stored.ok)
    return fail("too_large", `The file is larger than the upload limit of ${describeBytes(limits.maxBytes)}.`);

  const moved = await queueProcessing(actor, usageFileId, {
    set: { uploadedFileId: stored.id },
    details: { fileName: upload.fileName, bytes: stored.byteSize },
  });
  if (!moved) {
    await deleteStoredFile(handle.db, stored.id);
    return changedMeanwhile();
  }
  return ok({ status: "uploading" });
}

/**
 * Moves the file to Uploading (the state machine's upload step) and queues its processing, in one
 * transaction; false when someone changed the file first.
 */
export async function queueProcessing(
  actor: Actor,
  usageFileId: string,
  change: { set?: { uploadedFileId: string }; details: Record<string, unknown> },
): Promise<boolean> {
  const enqueueProcessing = await jobSender(processUsageFileJob);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await transitionUsageFile(tx, {
      usageFileId,
      action: "upload",
      actor,
      set: { ...change.set, progressRows: 0, progressPercent: 0 },
      details: change.details,
    });
    if (updated) await enqueueProcessing(tx, { usageFileId, accountId: updated.vendorAccountId });
    return Boolean(updated);
  });
}
