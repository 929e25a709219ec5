import "server-only";
import { ZipWriter } from "./reader/zip-writer";
import {
  cellStyles,
  columnName,
  contentTypesXml,
  mainNamespace,
  relationshipsNamespace,
  relationshipsXml,
  rootRelationshipsXml,
  spreadsheetContentType,
  stylesXml,
  textElement,
  workbookXml,
  xmlDeclaration,
  type PartType,
} from "./xlsx-parts";

export interface StreamedSheetOptions {
  name: string;
  /** Widths in characters, by 0-based column. */
  columnWidths?: readonly number[];
  frozenHeaderRow?: boolean;
}

interface CellNote {
  row: number;
  column: number;
  text: string;
}

// Sheet XML is handed to the zip in pieces of about this many characters: memory stays flat.
const flushChars = 1 << 16;

/**
 * One row's cells as sheet XML, filled in ascending column order. Strings are inline (no shared
 * string table grows with the sheet); numbers are written as the exact decimal text given.
 */
export class RowCells {
  private xml = "";
  private rowNumber = 0;
  private rowText = "0";
  readonly notes: CellNote[] = [];
  // Most columns repeat the row above (file, item, status, account): their cell's XML after the
  // reference is reused.
  private readonly lastTexts: string[] = [];
  private readonly lastTails: string[] = [];

  /** The cell's A1 reference in the current row. */
  reference(column: number): string {
    return columnName(column) + this.rowText;
  }

  text(column: number, value: string): void {
    if (this.lastTexts[column] !== value) {
      this.lastTexts[column] = value;
      this.lastTails[column] = `" t="inlineStr"><is>${textElement(value)}</is></c>`;
    }
    this.xml += cellOpen(column) + this.rowText + this.lastTails[column]!;
  }

  heading(column: number, value: string): void {
    this.xml += `<c r="${this.reference(column)}" s="${cellStyles.bold}" t="inlineStr"><is>${textElement(value)}</is></c>`;
  }

  /** `decimal` must be a plain decimal (`-12.50`), which a spreadsheet reads as the number it says. */
  number(column: number, decimal: string): void {
    this.xml += cellOpen(column) + this.rowText + '"><v>' + decimal + "</v></c>";
  }

  /** A date cell shown as `yyyy-mm-dd hh:mm:ss`. */
  dateTime(column: number, serial: number): void {
    this.xml += cellOpen(column) + this.rowText + dateTimeTail + serial + "</v></c>";
  }

  /** A note on the cell: kept until the sheet ends, so callers bound how many they add. */
  note(column: number, text: string): void {
    this.notes.push({ row: this.rowNumber, column, text });
  }

  /** @internal Starts the next row. */
  start(): void {
    this.rowNumber += 1;
    this.rowText = String(this.rowNumber);
    this.xml = "";
  }

  /** @internal The row as XML, or "" when it has no cells. */
  rowXml(): string {
    return this.xml && `<row r="${this.rowText}">${this.xml}</row>`;
  }
}

const dateTimeTail = `" s="${cellStyles.dateTime}"><v>`;
const cellOpens: string[] = [];

/** `<c r="` and the column's letters: the reference's row follows. */
function cellOpen(column: number): string {
  return (cellOpens[column] ??= `<c r="${columnName(column)}`);
}

/**
 * A purpose-built .xlsx writer for sheets too big for exceljs: rows are written to a streamed zip
 * as they come, and wait while the zip or `out` is behind. exceljs stays for small workbooks with
 * validations and copied styles (templates, processed files).
 */
export class StreamingWorkbook {
  private readonly sheets: { name: string; hasNotes: boolean }[] = [];

  private constructor(private readonly zip: ZipWriter) {}

  static writingTo(out: NodeJS.WritableStream): StreamingWorkbook {
    return new StreamingWorkbook(ZipWriter.streamingTo(out));
  }

  /** A sheet of `rows` (in batches, which keeps the per-row cost of async iteration away), row 1 first, each written by `fill`. */
  async addSheet<T>(
    options: StreamedSheetOptions,
    rows: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
    fill: (cells: RowCells, row: T) => void,
  ): Promise<void> {
    const number = this.sheets.length + 1;
    const cells = new RowCells();
    await this.zip.add(`xl/worksheets/sheet${number}.xml`, sheetXml(options, rows, fill, cells));
    if (cells.notes.length > 0) await this.addNotes(number, cells.notes);
    this.sheets.push({ name: options.name, hasNotes: cells.notes.length > 0 });
  }

  /** Writes the workbook's own parts (after its sheets, as exceljs's streaming writer does too) and ends `out`. */
  async close(): Promise<void> {
    const sheetNumbers = this.sheets.map((_, index) => index + 1);
    await this.zip.add("xl/styles.xml", stylesXml());
    await this.zip.add("xl/workbook.xml", workbookXml(this.sheets.map((sheet) => sheet.name)));
    await this.zip.add(
      "xl/_rels/workbook.xml.rels",
      relationshipsXml([
        ...sheetNumbers.map((n) => ({ type: "worksheet", target: `worksheets/sheet${n}.xml` })),
        { type: "styles", target: "styles.xml" },
      ]),
    );
    await this.zip.add("_rels/.rels", rootRelationshipsXml());
    await this.zip.add("[Content_Types].xml", this.contentTypes());
    await this.zip.close();
  }

  private async addNotes(sheetNumber: number, notes: readonly CellNote[]): Promise<void> {
    await this.zip.add(`xl/comments${sheetNumber}.xml`, commentsXml(notes));
    await this.zip.add(`xl/drawings/vmlDrawing${sheetNumber}.vml`, vmlDrawingXml(notes));
    await this.zip.add(
      `xl/worksheets/_rels/sheet${sheetNumber}.xml.rels`,
      relationshipsXml([
        { type: "comments", target: `../comments${sheetNumber}.xml` },
        { type: "vmlDrawing", target: `../drawings/vmlDrawing${sheetNumber}.vml` },
      ]),
    );
  }

  private contentTypes(): string {
    const parts: PartType[] = [
      { partName: "/xl/workbook.xml", contentType: `${spreadsheetContentType}.sheet.main+xml` },
    ];
    for (const [index, sheet] of this.sheets.entries()) {
      const number = index + 1;
      parts.push({
        partName: `/xl/worksheets/sheet${number}.xml`,
        contentType: `${spreadsheetContentType}.worksheet+xml`,
      });
      if (sheet.hasNotes)
        parts.push({ partName: `/xl/comments${number}.xml`, contentType: `${spreadsheetContentType}.comments+xml` });
    }
    parts.push({ partName: "/xl/styles.xml", contentType: `${spreadsheetContentType}.styles+xml` });
    const vml = '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>';
    return contentTypesXml(parts, this.sheets.some((sheet) => sheet.hasNotes) ? [vml] : []);
  }
}

async function* sheetXml<T>(
  options: StreamedSheetOptions,
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  fill: (cells: RowCells, row: T) => void,
  cells: RowCells,
): AsyncGenerator<string> {
  let text = sheetHead(options);
  for await (const rows of batches) {
    for (const row of rows) {
      cells.start();
      fill(cells, row);
      text += cells.rowXml();
      if (text.length >= flushChars) {
        yield text;
        text = "";
      }
    }
  }
  // The sheet's relationships, written after it, name the notes' drawing rId2.
  const drawing = cells.notes.length > 0 ? '<legacyDrawing r:id="rId2"/>' : "";
  yield `${text}</sheetData>${drawing}</worksheet>`;
}

function sheetHead(options: StreamedSheetOptions): string {
  const pane = options.frozenHeaderRow
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : "";
  const widths = options.columnWidths ?? [];
  const cols = widths.length
    ? `<cols>${widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return (
    `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`
  );
}

function commentsXml(notes: readonly CellNote[]): string {
  const comments = notes.map(
    (note) =>
      `<comment ref="${columnName(note.column)}${note.row}" authorId="0"><text><r>${textElement(note.text)}</r></text></comment>`,
  );
  return `${xmlDeclaration}<comments xmlns="${mainNamespace}"><authors><author></author></authors><commentList>${comments.join("")}</commentList></comments>`;
}

/** The hidden note boxes Excel draws when a noted cell is hovered; without them it shows no notes. */
function vmlDrawingXml(notes: readonly CellNote[]): string {
  const shapes = notes.map(
    (note, index) =>
      `<v:shape id="_x0000_s${1025 + index}" type="#_x0000_t202" style="position:absolute;margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
      `<x:Anchor>${note.column + 1}, 15, ${Math.max(note.row - 2, 0)}, 2, ${note.column + 3}, 15, ${note.row + 3}, 16</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.column}</x:Column></x:ClientData></v:shape>`,
  );
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join("")}</xml>`
  );
}
