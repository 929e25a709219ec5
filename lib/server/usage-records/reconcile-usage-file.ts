import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ClosingReport, RecordClosing } from "@/lib/domain/record-closing";
import { restoreEscapedText } from "@/lib/domain/spreadsheet-cell";
import { findSheet } from "@/lib/domain/usage-sheet";
import type { MultipartFile } from "@/lib/server/api/multipart";
import { exportSheetName } from "@/lib/server/spreadsheet/export-records";
import { openWorkbook, WorkbookError, type UsageWorkbook } from "@/lib/server/spreadsheet/reader";
import { describeBytes, uploadLimits } from "@/lib/server/usage-files/upload-limits";
import { closableFile, closeUsageRecords } from "./close-usage-records";

/** What a reconciliation did: the closing report, and how many rows had no billing id (left open). */
export interface ReconciliationReport extends ClosingReport {
  rowsWithoutBillingId: number;
}

class TooLarge extends Error {}

/**
 * The billing export sent back with external billing ids filled (SPEC §3): rows are matched to the
 * file's records by their `UR-…` id and every open match closes, in one transaction; ids of other
 * files, listed twice, or closed already are reported and change nothing.
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
    const read = await readClosings(filePath, /\.csv$/i.test(upload.fileName) ? "csv" : "xlsx");
    if (!read.ok) return read;
    const closed = await closeUsageRecords(actor, usageFileId, read.value.closings, "reconciliation");
    return closed.ok ? ok({ ...closed.value, rowsWithoutBillingId: read.value.rowsWithoutBillingId }) : closed;
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

async function readClosings(
  filePath: string,
  declared: "xlsx" | "csv",
): Promise<Result<{ closings: RecordClosing[]; rowsWithoutBillingId: number }>> {
  const workbook = await openWorkbook(filePath, {}, declared);
  try {
    const sheet = findSheet(workbook.sheetNames, [exportSheetName]);
    if (!sheet)
      return fail(
        "invalid_input",
        `The file has no "${exportSheetName}" sheet: upload the billing export with billing ids filled.`,
      );
    return await closingsOf(workbook, sheet);
  } finally {
    await workbook.close();
  }
}

async function closingsOf(
  workbook: UsageWorkbook,
  sheet: string,
): Promise<Result<{ closings: RecordClosing[]; rowsWithoutBillingId: number }>> {
  const closings: RecordClosing[] = [];
  let rowsWithoutBillingId = 0;
  let columns: { id: number; billingId: number; billingNote: number } | null = null;
  for await (const batch of workbook.rows(sheet)) {
    for (const row of batch) {
      if (!columns) {
        const index = (name: string) => row.values.findIndex((value) => value.trim().toLowerCase() === name);
        columns = {
          id: index("id"),
          billingId: index("external_billing_id"),
          billingNote: index("external_billing_note"),
        };
        if (columns.id < 0 || columns.billingId < 0) {
          return fail("invalid_input", "The sheet needs the export's id and external_billing_id columns.");
        }
        continue;
      }
      const billingId = restoreEscapedText(row.values[columns.billingId] ?? "");
      if (!billingId) {
        rowsWithoutBillingId++;
        continue;
      }
      const billingNote = columns.billingNote < 0 ? "" : restoreEscapedText(row.values[columns.billingNote] ?? "");
      closings.push({
        recordId: row.values[columns.id] ?? "",
        externalBillingId: billingId,
        externalBillingNote: billingNote,
      });
    }
  }
  return ok({ closings, rowsWithoutBillingId });
}
