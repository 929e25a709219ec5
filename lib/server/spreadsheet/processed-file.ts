import "server-only";
import ExcelJS from "exceljs";
import {
  categoryColumns,
  categorySheetName,
  findSheet,
  processedErrorsColumn,
  recordSheetNames,
} from "@/lib/domain/usage-sheet";
import { openWorkbook, type SheetRow } from "./reader";
import { RowErrorQueue, type RowErrors } from "./row-error-queue";
import { SourceWorkbook, type SourceCell, type SourceRow, type SourceSheet } from "./source-workbook";
import { frozenHeaderRow, headerFont, markedInvalid, withoutInvalidMark } from "./workbook-style";
import { addRangeValidation, createWorkbookWriter, StreamedRows } from "./workbook-writer";

export type { CellError, RowErrors } from "./row-error-queue";

export interface ProcessedWorkbookInput {
  sourcePath: string;
  sourceKind: "xlsx" | "csv";
  /** Sorted by row number; several entries for one row are merged. */
  errors: AsyncIterable<RowErrors> | Iterable<RowErrors>;
}

/**
 * The streaming writer holds every note in memory until the records sheet is finished (its
 * comments part follows the sheet in the zip), and Excel slows down on files with tens of
 * thousands of notes. Past this many, invalid cells are still filled red and the errors column
 * still explains them.
 */
const maxCellNotes = 10_000;

/**
 * Writes the processed copy of an uploaded usage spreadsheet as .xlsx to `out`: the records sheet
 * with the vendor's corrections written in, each invalid cell marked and explained, plus an errors
 * column, and the other sheets as they were. Rows stream through: memory grows with the workbook's shared-string table, not its rows.
 */
export async function writeProcessedWorkbook(input: ProcessedWorkbookInput, out: NodeJS.WritableStream): Promise<void> {
  const workbook = createWorkbookWriter(out);
  const errors = new RowErrorQueue(input.errors);
  if (input.sourceKind === "csv") await copyCsv(input.sourcePath, workbook, errors);
  else await copyXlsx(input.sourcePath, workbook, errors);
  await workbook.commit();
}

// ---------------------------------------------------------------------------------------------
// xlsx

/** Every sheet in the upload's order, each keeping its column widths and data-validation lists. */
async function copyXlsx(sourcePath: string, workbook: ExcelJS.Workbook, errors: RowErrorQueue): Promise<void> {
  const source = await SourceWorkbook.open(sourcePath);
  try {
    const recordsSheetName = findSheet(source.sheetNames, recordSheetNames);
    if (!recordsSheetName) throw new Error(`${sourcePath} has no ${recordSheetNames.join(" or ")} sheet`);
    for (const sheet of source.sheets()) {
      const target = workbook.addWorksheet(
        sheet.name,
        sheet.name === recordsSheetName ? { views: [frozenHeaderRow] } : {},
      );
      const rows = withLayout(sheet, target);
      if (sheet.name === recordsSheetName) await new ProcessedRecordsSheet(target, errors).copy(rows);
      else await copyRows(target, rows);
    }
  } finally {
    source.close();
  }
}

/**
 * The sheet's rows, its column widths set on `target` before the first of them is written (the
 * streaming writer puts them in front of the rows) and its validations once the last was read.
 */
async function* withLayout(sheet: SourceSheet, target: ExcelJS.Worksheet): AsyncIterable<SourceRow> {
  let widthsSet = false;
  const setWidths = () => {
    for (const [column, width] of sheet.layout.columnWidths()) target.getColumn(column).width = width;
    widthsSet = true;
  };
  for await (const row of sheet.rows) {
    if (!widthsSet) setWidths();
    yield row;
  }
  if (!widthsSet) setWidths();
  for (const { ranges, validation } of sheet.layout.validations()) {
    for (const range of ranges) addRangeValidation(target, range, validation);
  }
}

async function copyRows(sheet: ExcelJS.Worksheet, rows: AsyncIterable<SourceRow>): Promise<void> {
  const target = new StreamedRows(sheet);
  for await (const source of rows) await target.commit(copiedRow(target, source));
  target.sheet.commit();
}

/** The source row written to `target`, not yet committed; `restyle` adjusts each cell's style. */
function copiedRow(
  target: StreamedRows,
  source: SourceRow,
  restyle: (style: Partial<ExcelJS.Style>) => Partial<ExcelJS.Style> = (style) => style,
): ExcelJS.Row {
  const row = target.row(source.number);
  if (source.height) row.height = source.height;
  for (const cell of source.cells) {
    const copy = row.getCell(cell.column);
    copy.value = cell.value;
    copy.style = restyle(cell.style);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// csv

async function copyCsv(sourcePath: string, workbook: ExcelJS.Workbook, errors: RowErrorQueue): Promise<void> {
  // Read by the upload's own reader: the same delimiter, the same rows and row numbers. The upload
  // was counted against the row limit when it came in; it is not refused for it again here.
  const csv = await openWorkbook(sourcePath, { maxRows: Number.MAX_SAFE_INTEGER }, "csv");
  try {
    const rows = csvRows(csv.rows(csv.sheetNames[0]!));
    const sheet = workbook.addWorksheet(recordSheetNames[0], { views: [frozenHeaderRow] });
    await new ProcessedRecordsSheet(sheet, errors).copy(rows);
  } finally {
    await csv.close();
  }
  addEmptyCategoriesSheet(workbook);
}

/**
 * CSV fields stay text: turning them into numbers would drop leading zeros of ids and the
 * decimals a JavaScript number cannot hold, and the reader parses text anyway.
 */
async function* csvRows(batches: AsyncIterable<SheetRow[]>): AsyncIterable<SourceRow> {
  let headerSeen = false;
  for await (const batch of batches) {
    for (const row of batch) {
      const style: Partial<ExcelJS.Style> = headerSeen ? {} : { font: headerFont };
      const cells: SourceCell[] = row.values.flatMap((value, index) =>
        value === "" ? [] : [{ column: index + 1, value, style }],
      );
      headerSeen ||= cells.length > 0;
      yield { number: row.rowNumber, cells };
    }
  }
}

/** A CSV carries no categories; the sheet is where the vendor lists them before re-uploading. */
function addEmptyCategoriesSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(categorySheetName, { views: [frozenHeaderRow] });
  const header = sheet.addRow([...categoryColumns]);
  header.font = headerFont;
  header.commit();
  sheet.commit();
}

// ---------------------------------------------------------------------------------------------
// records

interface RecordsLayout {
  headerRowNumber: number;
  columnsByName: Map<string, number>;
  errorsColumn: number;
}

const emptyHeader: SourceRow = { number: 1, cells: [] };

/** Writes the records sheet row by row, marking the cells that `errors` names. */
class ProcessedRecordsSheet {
  private readonly target: StreamedRows;
  private notesLeft = maxCellNotes;

  constructor(
    sheet: ExcelJS.Worksheet,
    private readonly errors: RowErrorQueue,
  ) {
    this.target = new StreamedRows(sheet);
  }

  async copy(rows: AsyncIterable<SourceRow>): Promise<void> {
    let layout: RecordsLayout | undefined;
    for await (const source of rows) {
      // As for the upload reader, the header is the first row that is not blank.
      layout ??= isBlank(source) ? undefined : this.layoutOf(source);
      if (layout) await this.writeRowsThrough(layout, source);
      else await this.target.commit(copiedRow(this.target, source));
    }
    if (!layout) {
      // A sheet without a header still gets the errors column, for the errors of rows it does not have.
      layout = this.layoutOf(emptyHeader);
      await this.writeRowsThrough(layout, emptyHeader);
    }
    for (const rowErrors of await this.errors.takeRest()) {
      await this.writeRow(layout, { number: rowErrors.rowNumber, cells: [] }, rowErrors);
    }
    this.target.sheet.commit();
  }

  /** The header names the columns and gets the errors column. */
  private layoutOf(header: SourceRow): RecordsLayout {
    const columnsByName = new Map<string, number>();
    for (const cell of header.cells) {
      const name = normalizedName(textOf(cell.value) ?? "");
      if (name && !columnsByName.has(name)) columnsByName.set(name, cell.column);
    }
    const lastColumn = Math.max(0, ...header.cells.map((cell) => cell.column));
    const errorsColumn = columnsByName.get(processedErrorsColumn) ?? lastColumn + 1;
    // Columns the upload gives no width (a CSV's, say) are sized from the header.
    const { sheet } = this.target;
    for (const [name, column] of columnsByName) sheet.getColumn(column).width ??= Math.max(12, name.length + 4);
    sheet.getColumn(errorsColumn).width ??= 80;
    return { headerRowNumber: header.number, columnsByName, errorsColumn };
  }

  /** Errors of rows missing from the source (there should be none) still get a row of their own. */
  private async writeRowsThrough(layout: RecordsLayout, source: SourceRow): Promise<void> {
    let own: RowErrors | undefined;
    for (const rowErrors of await this.errors.takeThrough(source.number)) {
      if (rowErrors.rowNumber === source.number) own = rowErrors;
      else await this.writeRow(layout, { number: rowErrors.rowNumber, cells: [] }, rowErrors);
    }
    await this.writeRow(layout, source, own);
  }

  private async writeRow(layout: RecordsLayout, source: SourceRow, rowErrors: RowErrors | undefined): Promise<void> {
    const sourceWithoutErrors = {
      ...source,
      cells: source.cells.filter((cell) => cell.column !== layout.errorsColumn),
    };
    const row = copiedRow(this.target, sourceWithoutErrors, withoutInvalidMark);
    for (const [column, value] of correctionsByColumn(rowErrors, layout)) row.getCell(column).value = value;
    for (const [column, messages] of messagesByColumn(rowErrors, layout))
      this.markInvalid(row.getCell(column), messages);
    this.writeErrorsCell(layout, row, rowErrors);
    await this.target.commit(row);
  }

  private writeErrorsCell(layout: RecordsLayout, row: ExcelJS.Row, rowErrors: RowErrors | undefined): void {
    const cell = row.getCell(layout.errorsColumn);
    const messages = rowErrors?.cells.map((error) => error.message) ?? [];
    if (row.number !== layout.headerRowNumber) {
      cell.value = messages.length > 0 ? messages.join("; ") : null;
      return;
    }
    // Errors about the header itself (a missing column, say) cannot go in its title: they go in a note.
    cell.value = processedErrorsColumn;
    cell.font = headerFont;
    if (messages.length > 0) this.markInvalid(cell, messages);
  }

  private markInvalid(cell: ExcelJS.Cell, messages: string[]): void {
    cell.style = markedInvalid(cell.style);
    if (this.notesLeft > 0) {
      cell.note = messages.join("\n");
      this.notesLeft -= 1;
    }
  }
}

/** Messages of the row's cell errors by column number; row-level ones and unknown columns are left out. */
function messagesByColumn(rowErrors: RowErrors | undefined, layout: RecordsLayout): Map<number, string[]> {
  const byColumn = new Map<number, string[]>();
  for (const error of rowErrors?.cells ?? []) {
    const column = error.column === null ? undefined : layout.columnsByName.get(normalizedName(error.column));
    if (column === undefined) continue;
    byColumn.set(column, [...(byColumn.get(column) ?? []), error.message]);
  }
  return byColumn;
}

/** The vendor's corrections of the row by column number; corrections of unknown columns are left out. */
function correctionsByColumn(rowErrors: RowErrors | undefined, layout: RecordsLayout): [number, string][] {
  return Object.entries(rowErrors?.corrections ?? {}).flatMap(([name, value]): [number, string][] => {
    const column = layout.columnsByName.get(normalizedName(name));
    return column === undefined ? [] : [[column, value]];
  });
}

function isBlank(row: SourceRow): boolean {
  return row.cells.every(({ value }) => value === null || value === undefined || textOf(value)?.trim() === "");
}

/** The text of a text cell, plain or rich; undefined for any other value. */
function textOf(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && "richText" in value)
    return value.richText.map((run) => run.text).join("");
  return undefined;
}

function normalizedName(name: string): string {
  return name.trim().toLowerCase();
}
