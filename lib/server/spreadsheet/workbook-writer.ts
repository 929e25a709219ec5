import "server-only";
import { type EventEmitter, once } from "node:events";
import type { Stream } from "node:stream";
import ExcelJS from "exceljs";

/**
 * A streaming .xlsx writer onto `out`, with styles. exceljs types the target as a full `Stream`
 * but only pipes its zip into it, which any writable stream accepts.
 */
export function createWorkbookWriter(out: NodeJS.WritableStream): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true });
}

type WorksheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** One validation over a whole range: exceljs supports it at run time, its typings know only cells. */
export function addRangeValidation(
  worksheet: ExcelJS.Worksheet,
  range: string,
  validation: ExcelJS.DataValidation,
): void {
  (worksheet as WorksheetWithValidations).dataValidations.add(range, validation);
}

/**
 * exceljs's streamed worksheet as it is at run time, which its typings do not show: its chunks go
 * to the zip through a stream (archiver's readable-stream@2 PassThrough, without the newer
 * `writableNeedDrain`) whose write state tells whether the zip is behind.
 */
interface SheetWithZipStreams {
  stream?: { pipes?: (EventEmitter & { _writableState?: { needDrain?: boolean } })[] };
}

/** The rows of a streamed sheet, written once each in ascending order, with memory bounded. */
export class StreamedRows {
  private lastRowNumber = 0;

  constructor(readonly sheet: ExcelJS.Worksheet) {}

  /**
   * Row `rowNumber`, to fill and then `commit`. exceljs commits the rows of a gap by shifting a
   * sparse array, quadratic in the gap's length (a stray cell at row 500,000 stalls it for hours);
   * committing the empty rows one by one first is linear.
   */
  row(rowNumber: number): ExcelJS.Row {
    for (let empty = this.lastRowNumber + 1; empty < rowNumber; empty += 1) this.sheet.getRow(empty).commit();
    this.lastRowNumber = rowNumber;
    return this.sheet.getRow(rowNumber);
  }

  /**
   * Commits the row, then waits for the zip to catch up. exceljs hands a sheet's chunks to the zip
   * without waiting for it, so a reader faster than deflate (or than `out`) would pile the whole
   * sheet up in memory.
   */
  async commit(row: ExcelJS.Row): Promise<void> {
    row.commit();
    for (const zipStream of (this.sheet as unknown as SheetWithZipStreams).stream?.pipes ?? []) {
      if (zipStream._writableState?.needDrain) await once(zipStream, "drain");
    }
  }
}
