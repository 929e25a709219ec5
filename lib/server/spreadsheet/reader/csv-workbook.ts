import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CsvScanner } from "./csv-scanner";
import { formatBytes, missingSheet, WorkbookError } from "./errors";
import { RowBatcher } from "./row-batcher";
import { RowBuilder } from "./row-builder";
import { notUtf8 } from "./sniff";
import { defaultBatchSize, type ReadLimits, type SheetRow, type UsageWorkbook } from "./types";
import { maxElementChars } from "./xml-elements";

const csvSheetName = "records";
// Text of 64 KiB is short-lived garbage; a 256 KiB text is a large object, moved to the old
// generation by the scavenge it survives, with the rows sliced from it: at a million rows, peak RSS
// 285–300 MB instead of 405–415 MB, and a second faster.
const readChunkBytes = 64 * 1024;

/** A CSV file read as the one sheet `records`: UTF-8 (BOM or not), comma or semicolon, values as text. */
export class CsvWorkbook implements UsageWorkbook {
  readonly sheetNames = [csvSheetName];
  progress = 0;
  private failure: unknown;

  constructor(
    private readonly path: string,
    private readonly limits: ReadLimits,
  ) {}

  async *rows(sheetName: string, batchSize = defaultBatchSize): AsyncGenerator<SheetRow[]> {
    if (this.failure) throw this.failure;
    if (sheetName !== csvSheetName) throw missingSheet(sheetName, this.sheetNames);
    const batcher = new RowBatcher(sheetName, batchSize, this.limits.maxRows);
    const stream = createReadStream(this.path, { highWaterMark: readChunkBytes });
    const size = Math.max(1, (await stat(this.path)).size);
    let read = 0;
    this.progress = 0;
    // `fatal`: text that is not UTF-8 is refused, rather than read with U+FFFD in place of its letters.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let scanner: CsvScanner | undefined;
    try {
      for await (const bytes of stream as AsyncIterable<Buffer>) {
        read += bytes.length;
        this.progress = Math.min(1, read / size);
        const text = decodeUtf8(decoder, bytes);
        scanner ??= new CsvScanner(
          sniffDelimiter(text),
          recordsToRows(this.limits.maxCellChars, batcher.add),
          recordTooLarge,
        );
        scanner.feed(text);
        yield* batcher.takeFull();
      }
      scanner?.feed(decodeUtf8(decoder));
      scanner?.end();
      yield* batcher.takeRest();
    } catch (error) {
      this.failure = error;
      throw error;
    } finally {
      stream.destroy();
    }
  }

  async close(): Promise<void> {}
}

function recordsToRows(maxCellChars: number, onRow: (row: SheetRow) => void): (fields: string[]) => void {
  const row = new RowBuilder(maxCellChars);
  let rowNumber = 0;
  return (fields) => {
    // Blank lines count, as they are rows when Excel opens the file.
    rowNumber += 1;
    for (let column = 0; column < fields.length; column++) row.set(column, fields[column] ?? "");
    const finished = row.finish(rowNumber);
    if (finished) onRow(finished);
  };
}

/** The delimiter the header line uses more: a semicolon (Excel's in much of Europe) or a comma. */
function sniffDelimiter(text: string): string {
  const lineEnd = text.indexOf("\n");
  const header = lineEnd < 0 ? text : text.slice(0, lineEnd);
  return header.split(";").length > header.split(",").length ? ";" : ",";
}

/** Decodes the next bytes, or the end of the text when given none. */
function decodeUtf8(decoder: TextDecoder, bytes?: Buffer): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw notUtf8();
  }
}

function recordTooLarge(): WorkbookError {
  return new WorkbookError(
    "row_too_large",
    `A record of the CSV file is larger than ${formatBytes(maxElementChars)}; a quote may be missing its closing quote.`,
  );
}
