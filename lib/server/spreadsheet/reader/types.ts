import "server-only";

export type CellProblemCode = "formula_without_value" | "error_value" | "cell_too_long";

export interface CellProblem {
  column: number;
  code: CellProblemCode;
  message: string;
}

export interface SheetRow {
  /** The row number Excel shows (1-based). CSV: the row Excel would show for the record, header = 1. */
  rowNumber: number;
  /** Trimmed text by 0-based column index; "" for an empty cell; trailing empty cells left out. */
  values: string[];
  /** Null when the row has none, which is nearly always. */
  problems: CellProblem[] | null;
}

export interface ReadLimits {
  /** Bytes any one zip entry may inflate to; past it the file is taken for a zip bomb. */
  maxInflatedBytesPerEntry: number;
  /** Data rows per sheet. The first non-blank row is the header and is not counted. */
  maxRows: number;
  /** Characters per cell: Excel's own limit. Longer cells are cut and flagged. */
  maxCellChars: number;
  maxSharedStrings: number;
  /** UTF-8 bytes of text held by the shared-string table, which keeps its texts as UTF-8. */
  maxSharedStringBytes: number;
}

export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({
  // A million 12-column rows are 0.5–1 GB of sheet XML; twice that bounds the inflating time.
  maxInflatedBytesPerEntry: 2 * 1024 ** 3,
  maxRows: 1_000_000,
  maxCellChars: 32_767,
  maxSharedStrings: 3_000_000,
  maxSharedStringBytes: 128 * 1024 ** 2,
});

export const defaultBatchSize = 1000;

/**
 * An opened .xlsx or .csv file. A sheet that fails to read (damaged, too big, hostile) fails the whole
 * workbook: the file is closed and every later `rows()` fails the same way; asking for a sheet that
 * is not there does not. Leaving a `rows()` loop early only stops that sheet's stream.
 */
export interface UsageWorkbook {
  /** In workbook order. A CSV file has one sheet, `records`. */
  readonly sheetNames: readonly string[];
  /** How far the sheet being read has got, from 0 to 1 (bytes read of its part or file). */
  readonly progress: number;
  /** The sheet's non-blank rows, in batches of `batchSize`. */
  rows(sheetName: string, batchSize?: number): AsyncIterable<SheetRow[]>;
  close(): Promise<void>;
}
