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
