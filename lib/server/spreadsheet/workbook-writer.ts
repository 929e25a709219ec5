import "server-only";
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
 * Row `rowNumber` of a streamed sheet whose last committed row is `previousRowNumber`. exceljs
 * commits the rows of a gap by shifting a sparse array, quadratic in the gap's length (a stray
 * cell at row 500,000 stalls it for hours); committing the empty rows one by one is linear.
 */
export function rowAfter(sheet: ExcelJS.Worksheet, previousRowNumber: number, rowNumber: number): ExcelJS.Row {
  for (let empty = previousRowNumber + 1; empty < rowNumber; empty += 1) sheet.getRow(empty).commit();
  return sheet.getRow(rowNumber);
}
