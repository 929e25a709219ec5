import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { defaultReadLimits } from "./reader";
import { readWorkbookPackage } from "./reader/xlsx-workbook";
import { refusingDoctype } from "./reader/xml-text";
import { ZipArchive } from "./reader/zip-archive";
import type { WorkbookStructure } from "./reader/workbook-structure";
import { SheetLayout } from "./sheet-layout";

export interface SourceCell {
  column: number;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

export interface SourceRow {
  number: number;
  cells: SourceCell[];
  height?: number;
}

/** One sheet of an uploaded workbook: its rows with their values and styles, and its layout. */
export interface SourceSheet {
  name: string;
  rows: AsyncIterable<SourceRow>;
  layout: SheetLayout;
}

/**
 * exceljs's streaming reader as it is at run time. Its own walk through the zip (front to back,
 * through unzipper) drops the sheets after one whose reader is slower than the file, as a writer
 * waiting for its output is, and goes by the zip's order rather than the workbook's: so the zip is
 * read here, part by part in the workbook's order, and exceljs only parses.
 */
interface ExcelJsReaderInternals {
  properties: { model: { date1904: boolean } };
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<string>, sheetNo: string): Iterable<{ value: StreamedSheet }>;
}
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

/** An uploaded .xlsx read for copying: each sheet's cells with their styles, in the workbook's order. */
export class SourceWorkbook {
  private constructor(
    private readonly zip: ZipArchive,
    private readonly structure: WorkbookStructure,
    private readonly reader: ExcelJsReaderInternals,
  ) {}

  static async open(path: string): Promise<SourceWorkbook> {
    const zip = await ZipArchive.open(path);
    try {
      const structure = await readWorkbookPackage(zip);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as unknown as string, {
        sharedStrings: "cache",
        styles: "cache",
        hyperlinks: "ignore",
        worksheets: "emit",
      }) as unknown as ExcelJsReaderInternals;
      reader.properties = { model: { date1904: structure.date1904 } };
      const part = (name: string | undefined) => (name !== undefined && zip.has(name) ? name : undefined);
      const sharedStrings = part(structure.sharedStringsPart);
      // Cached on the reader: the parse yields nothing in that mode, it only has to run to the end.
      if (sharedStrings) await drain(reader._parseSharedStrings(partStream(zip, sharedStrings)));
      const styles = part(structure.stylesPart);
      if (styles) await reader._parseStyles(partStream(zip, styles));
      return new SourceWorkbook(zip, structure, reader);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  get sheetNames(): string[] {
    return [...this.structure.sheets.keys()];
  }

  /** The sheets in the workbook's order; each one's rows are to be read before the next sheet's. */
  *sheets(): Generator<SourceSheet> {
    let sheetNo = 0;
    for (const [name, part] of this.structure.sheets) {
      sheetNo += 1;
      if (!this.zip.has(part)) continue;
      const layout = new SheetLayout();
      const chunks = layout.tap(partChunks(this.zip, part));
      const [emitted] = [...this.reader._parseWorksheet(chunks, String(sheetNo))];
      yield { name, rows: rowsOf(emitted!.value), layout };
    }
  }

  close(): void {
    this.zip.close();
  }
}

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  const iterator = iterable[Symbol.asyncIterator]();
  while (!(await iterator.next()).done);
}

function partChunks(zip: ZipArchive, part: string): AsyncIterable<string> {
  return refusingDoctype(zip.textChunks(part, defaultReadLimits.maxInflatedBytesPerEntry, "sax"), part);
}

function partStream(zip: ZipArchive, part: string): Readable {
  return Readable.from(partChunks(zip, part));
}

async function* rowsOf(sheet: StreamedSheet): AsyncIterable<SourceRow> {
  for await (const row of sheet) {
    const cells: SourceCell[] = [];
    row.eachCell((cell, column) => cells.push({ column, value: copyableValue(cell.value), style: cell.style }));
    yield { number: row.number, cells, height: row.height };
  }
}

/** Cells of a shared formula other than its first carry no formula text: keep their value. */
function copyableValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (isFormula(value) && value.formula === "") return value.result ?? null;
  return value;
}

function isFormula(value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue {
  return typeof value === "object" && value !== null && "formula" in value;
}
