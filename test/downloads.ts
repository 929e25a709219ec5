import { parse } from "csv-parse/sync";
import type { Result } from "@/lib/domain/errors";
import type { SpreadsheetDownload } from "@/lib/server/usage-files/usage-file-spreadsheets";
import { writtenBytes } from "./written-workbooks";

/** A download's bytes, as the browser would save them; a refused download fails the test with its reason. */
export async function downloadedBytes(download: Result<SpreadsheetDownload>): Promise<Buffer> {
  if (!download.ok) throw new Error(download.message);
  return writtenBytes((out) => download.value.write(out));
}

/** A CSV download's rows, by header. */
export async function downloadedCsvRows(download: Result<SpreadsheetDownload>): Promise<Record<string, string>[]> {
  return parse(await downloadedBytes(download), { columns: true });
}
