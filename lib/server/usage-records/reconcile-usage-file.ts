import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getDatabase } from "@/db/client";
import type { ClosingReport } from "@/lib/domain/record-closing";
import type { MultipartFile } from "@/lib/server/api/multipart";
import { WorkbookError } from "@/lib/server/spreadsheet/reader";
import { describeBytes, uploadLimits } from "@/lib/server/usage-files/upload-limits";
import { closeReconciledRecords } from "./close-reconciled-records";
import { closableFile } from "./close-usage-records";
import { loadReconciliationRows } from "./reconciliation-rows";

/** What a reconciliation did: the closing report, and how many rows had no billing id (left open). */
export interface ReconciliationReport extends ClosingReport {
  rowsWithoutBillingId: number;
}

class TooLarge extends Error {}

/**
 * The billing export sent back with external billing ids filled (SPEC §3): rows are matched to the
 * file's records by their `UR-…` id and every open match closes, in one transaction; ids of other
 * files, listed twice, or closed already are reported and change nothing. The sheet streams into a
 * temporary table and is applied set-based, so a million rows take seconds and flat memory.
 */
export async function reconcileUsageFile(
  actor: Actor,
  usageFileId: string,
  upload: MultipartFile,
): Promise<Result<ReconciliationReport>> {
  const allowed = await closableFile(actor, usageFileId);
  if (!allowed.ok) return allowed;
  const dir = await mkdtemp(path.join(tmpdir(), "usage-recon-"));
  try {
    const filePath = path.join(dir, path.basename(upload.fileName) || "reconciliation");
    const maxBytes = uploadLimits().maxBytes;
    await pipeline(Readable.from(upload.content), byteLimit(maxBytes), createWriteStream(filePath));
    const declared = /\.csv$/i.test(upload.fileName) ? "csv" : "xlsx";
    const handle = await getDatabase();
    return await handle.withSession(async (session) => {
      const read = await loadReconciliationRows(session, filePath, declared);
      if (!read.ok) return read;
      const closed = await closeReconciledRecords(session.db, actor, allowed.value, read.value);
      return closed.ok ? ok({ ...closed.value, rowsWithoutBillingId: read.value.rowsWithoutBillingId }) : closed;
    });
  } catch (error) {
    if (error instanceof TooLarge)
      return fail(
        "too_large",
        `The file is larger than the upload limit of ${describeBytes(uploadLimits().maxBytes)}.`,
      );
    if (error instanceof WorkbookError) return fail("invalid_input", error.message);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function byteLimit(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > maxBytes ? new TooLarge() : null, chunk);
    },
  });
}
