import "server-only";
import type { Writable } from "node:stream";
import { and, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { usageFiles } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { canReviewUsageFile, type Actor } from "@/lib/domain/permissions";
import {
  exportableStatuses,
  type ExportFormat,
  type FileExportQuery,
  type RecordExportQuery,
} from "@/lib/domain/record-export";
import { statusLabels } from "@/lib/domain/usage-file-status";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import { writeRecordsCsv, writeRecordsXlsx } from "@/lib/server/spreadsheet/export-records";
import { getUsageFile, visibleUsageFiles } from "@/lib/server/queries/usage-files";
import type { SpreadsheetDownload } from "@/lib/server/usage-files/usage-file-spreadsheets";

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function download(fileName: string, format: ExportFormat, where: SQL): SpreadsheetDownload {
  return {
    fileName: `${fileName}.${format}`,
    contentType: contentTypes[format],
    async write(out) {
      const handle = await getDatabase();
      const writer = format === "csv" ? writeRecordsCsv : writeRecordsXlsx;
      await writer(handle, where, out as Writable);
    },
  };
}

/**
 * One Accepted or Closed file's records for billing, for its reviewer (SPEC §5: export); with
 * `amendments`, followed by those of its Accepted and Closed amendments.
 */
export async function exportUsageFile(
  actor: Actor,
  usageFileId: string,
  format: ExportFormat,
  { amendments }: Pick<FileExportQuery, "amendments"> = { amendments: false },
): Promise<Result<SpreadsheetDownload>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fail("not_found", "Usage file not found.");
  if (!canReviewUsageFile(actor, file))
    return fail("forbidden", "Only the file's distributor or reseller exports it for billing.");
  if (!(exportableStatuses as readonly string[]).includes(file.status)) {
    return fail(
      "invalid_transition",
      `This usage file is ${statusLabels[file.status]}; only Accepted and Closed files are exported for billing.`,
    );
  }
  if (!amendments) return ok(download(`${file.id}-billing`, format, eq(usageFiles.id, file.id)));
  const billedAmendments = and(eq(usageFiles.amends, file.id), inArray(usageFiles.status, [...exportableStatuses]));
  return ok(download(`${file.id}-billing-amended`, format, or(eq(usageFiles.id, file.id), billedAmendments)!));
}

/** Every accepted (or closed) record of the distributor's files that the query picks, across files. */
export function exportUsageRecords(actor: Actor, query: RecordExportQuery): Result<SpreadsheetDownload> {
  if (actor.role !== "distributor") return fail("forbidden", "Billing exports are for distributors and resellers.");
  const filters: SQL[] = [
    visibleUsageFiles(actor),
    inArray(usageFiles.status, query.fileStatus ? [query.fileStatus] : [...exportableStatuses]),
  ];
  if (query.vendor) filters.push(eq(usageFiles.vendorAccountId, query.vendor));
  if (query.product) filters.push(eq(usageFiles.productId, query.product));
  if (query.period) {
    const { from, to } = monthPeriod(query.period);
    filters.push(gte(usageFiles.periodFrom, from), lt(usageFiles.periodFrom, to));
  }
  const name = ["billing", query.vendor, query.product, query.period].filter(Boolean).join("-");
  return ok(download(name, query.format, and(...filters)!));
}
