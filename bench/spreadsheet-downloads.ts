// The review benchmark's spreadsheet downloads: the CSV and XLSX billing exports and the processed
// copy of an uploaded workbook, each written to a sink that only counts, as a download costs the server.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Actor } from "@/lib/domain/permissions";
import { writeProcessedWorkbook, type RowErrors } from "@/lib/server/spreadsheet/processed-file";
import { exportUsageFile } from "@/lib/server/usage-records/export-usage-records";
import { writeXlsx } from "./generate-sheet";
import { benchRows } from "./usage-rows";

function byteCountingSink(): Writable & { bytes: number } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

/** The CSV export of every record into a sink that only counts lines: what a download costs the server. */
export async function exportCsv(actor: Actor, usageFileId: string, rows: number): Promise<void> {
  const download = await exportUsageFile(actor, usageFileId, "csv");
  if (!download.ok) throw new Error(download.message);
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      done();
    },
  });
  await download.value.write(sink);
  if (lines !== rows + 1) throw new Error(`The export has ${lines} lines for ${rows} records`);
}

/** The XLSX export of the file's records; answers the bytes written. */
export async function exportXlsx(actor: Actor, usageFileId: string): Promise<number> {
  const download = await exportUsageFile(actor, usageFileId, "xlsx");
  if (!download.ok) throw new Error(download.message);
  const sink = byteCountingSink();
  await download.value.write(sink);
  return sink.bytes;
}

/** An upload of `rows` records, generated before the clock starts; one record in a thousand marked invalid. */
export async function uploadedWorkbook(rows: number, period: { from: Date; to: Date }) {
  const dir = await mkdtemp(join(tmpdir(), "bench-processed-"));
  const path = join(dir, "upload.xlsx");
  await writeXlsx(path, [{ name: "records", rows: benchRows(rows, period.from, period.to) }]);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

function* everyThousandthRowInvalid(rows: number): Generator<RowErrors> {
  for (let rowNumber = 2; rowNumber <= rows + 1; rowNumber += 1000) {
    yield { rowNumber, cells: [{ column: "quantity", message: "Too many decimals for the item's precision." }] };
  }
}

/** The processed copy of the upload: every row copied, invalid cells marked. */
export async function processedWorkbook(sourcePath: string, rows: number): Promise<number> {
  const sink = byteCountingSink();
  await writeProcessedWorkbook({ sourcePath, sourceKind: "xlsx", errors: everyThousandthRowInvalid(rows) }, sink);
  return sink.bytes;
}
