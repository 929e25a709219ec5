// exceljs's streaming reader behind the ingest's workbook interface, so that a baseline can run the
// real processing with only the reader swapped: what the hand-written reader gains on its own.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { formatSheetTime } from "@/lib/domain/sheet-time";
import { defaultBatchSize, type SheetRow, type UsageWorkbook } from "@/lib/server/spreadsheet/reader/types";

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

/**
 * One pass over the workbook, as exceljs streams it: only the first sheet is read, which is all the
 * benchmark's workbook has. Cells come as exceljs types them and are turned into the reader's text.
 */
export class ExceljsWorkbook implements UsageWorkbook {
  progress = 0;

  private constructor(
    private readonly sheet: SheetReader,
    private readonly sheets: AsyncIterator<unknown>,
  ) {}

  static async open(path: string): Promise<ExceljsWorkbook> {
    const size = Math.max(1, (await stat(path)).size);
    const input = createReadStream(path);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: "cache",
      styles: "cache",
      worksheets: "emit",
    });
    const sheets = reader[Symbol.asyncIterator]();
    const first = await sheets.next();
    if (first.done) throw new Error(`${path} has no sheet`);
    const workbook = new ExceljsWorkbook(first.value as unknown as SheetReader, sheets);
    let read = 0;
    input.on("data", (bytes) => {
      read += bytes.length;
      workbook.progress = read / size;
    });
    return workbook;
  }

  get sheetNames(): readonly string[] {
    return [this.sheet.name];
  }

  async *rows(sheetName: string, batchSize = defaultBatchSize): AsyncGenerator<SheetRow[]> {
    if (sheetName !== this.sheet.name) throw new Error(`Only the first sheet, ${this.sheet.name}, can be read`);
    let batch: SheetRow[] = [];
    for await (const row of this.sheet) {
      const values = Array.from((row.values as unknown[]).slice(1), cellText);
      if (values.every((value) => value === "")) continue;
      batch.push({ rowNumber: row.number, values, problems: null });
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async close(): Promise<void> {
    await this.sheets.return?.();
  }
}

/** A cell as the reader's text: dates in the sheet's time format, everything else as written, trimmed. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatSheetTime(value.getTime());
  return String(value).trim();
}
