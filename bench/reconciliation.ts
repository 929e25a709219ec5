// The review benchmark's reconciliation: a sheet closing every record of the file, written before
// the clock starts, then sent back through the use case as a distributor's upload is.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageFiles } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { exportSheetName } from "@/lib/server/spreadsheet/export-records";
import { StreamingWorkbook } from "@/lib/server/spreadsheet/streaming-workbook";
import { reconcileUsageFile } from "@/lib/server/usage-records/reconcile-usage-file";

const batchSize = 1000;

/** The export's id column with an external billing id and note on every row, as .xlsx. */
export async function reconciliationSheet(db: Database, usageFileId: string, rows: number) {
  const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, usageFileId));
  const first = file!.firstRecordId!;
  if (file!.lastRecordId! - first + 1 !== rows) throw new Error(`${usageFileId}'s record ids are not contiguous`);
  const dir = await mkdtemp(join(tmpdir(), "bench-reconciliation-"));
  const path = join(dir, "billing.xlsx");
  const workbook = StreamingWorkbook.writingTo(createWriteStream(path));
  await workbook.addSheet({ name: exportSheetName }, sheetRows(first, rows), (cells, row) =>
    row.forEach((value, column) => cells.text(column, value)),
  );
  await workbook.close();
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

function* sheetRows(firstRecordId: number, rows: number): Generator<string[][]> {
  yield [["id", "external_billing_id", "external_billing_note"]];
  for (let start = 0; start < rows; start += batchSize) {
    const batch: string[][] = [];
    for (let index = start; index < Math.min(start + batchSize, rows); index++) {
      batch.push([`UR-${firstRecordId + index}`, `INV-2026-${String(index % 1000).padStart(4, "0")}`, "October usage"]);
    }
    yield batch;
  }
}

/** Reconciles the file with the sheet; fails unless every record closed. */
export async function reconcileAll(actor: Actor, usageFileId: string, path: string, rows: number): Promise<void> {
  const result = await reconcileUsageFile(actor, usageFileId, {
    fileName: "billing.xlsx",
    content: createReadStream(path),
  });
  if (!result.ok) throw new Error(result.message);
  if (result.value.closed.length !== rows || result.value.refused.length > 0)
    throw new Error(`Reconciliation closed ${result.value.closed.length} of ${rows} records`);
}
