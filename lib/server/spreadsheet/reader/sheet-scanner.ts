import "server-only";
import { corrupt, formatBytes, formatCount, WorkbookError } from "./errors";
import { formatExcelDate, formatIsoDate } from "./excel-date";
import { formatExcelNumber } from "./excel-number";
import { richText } from "./rich-text";
import { RowBuilder } from "./row-builder";
import type { SharedStrings } from "./shared-strings";
import { parseColumn, parseDigits, TagAttributes } from "./tag-attributes";
import type { SheetRow } from "./types";
import { ElementSplitter, endsName, maxElementChars } from "./xml-elements";
import { decodeExcelEscapes, decodeXmlText } from "./xml-text";

/** What cells need from the rest of the workbook to be read as Excel shows them. */
export interface CellFormats {
  sharedStrings: SharedStrings;
  /** By cell style index (the `s` attribute): whether the style shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const CellType = { number: 0, sharedString: 1, inlineString: 2, formulaString: 3, boolean: 4, error: 5, isoDate: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];

const slash = 47;

/**
 * Reads the rows of a worksheet part from its XML text, chunk by chunk, straight off the inflater:
 * string searches over the text instead of an XML parser, which is what makes a million rows a
 * matter of seconds. Only what rows and cells carry is looked at; the rest of the sheet is skipped.
 */
export class SheetScanner {
  private readonly rows: ElementSplitter;
  private readonly row: RowBuilder;
  private readonly attributes = new TagAttributes();
  private previousRowNumber = 0;
  private cellOpen = "<c";
  private cellClose = "</c>";
  private valueOpen = "<v";
  private valueClose = "</v>";
  private formulaOpen = "<f";
  // Where the current cell's <v> text lies; set by findValue().
  private valueStart = 0;
  private valueEnd = 0;

  constructor(
    private readonly sheetName: string,
    private readonly formats: CellFormats,
    maxCellChars: number,
    private readonly onRow: (row: SheetRow) => void,
  ) {
    this.row = new RowBuilder(maxCellChars);
    this.rows = new ElementSplitter(
      "row",
      { root: (prefix) => this.useTagPrefix(prefix), element: (...element) => this.readRow(...element) },
      () => this.rowTooLarge(),
    );
  }

  feed(text: string): void {
    this.rows.feed(text);
  }

  private useTagPrefix(prefix: string): void {
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueClose = `</${prefix}v>`;
    this.formulaOpen = `<${prefix}f`;
  }

  private readRow(text: string, start: number, contentStart: number, contentEnd: number): void {
    const { attributes } = this;
    attributes.read(text, start, contentStart);
    const stated = attributes.rStart < 0 ? 0 : parseDigits(text, attributes.rStart, attributes.rEnd);
    const rowNumber = stated > 0 ? stated : this.previousRowNumber + 1;
    this.previousRowNumber = rowNumber;
    this.readCells(text, contentStart, contentEnd);
    const row = this.row.finish(rowNumber);
    if (row) this.onRow(row);
  }

  private readCells(text: string, from: number, to: number): void {
    const { cellOpen, cellClose, attributes } = this;
    let column = -1;
    for (let at = text.indexOf(cellOpen, from); at >= 0 && at < to; at = text.indexOf(cellOpen, at + 1)) {
      if (!endsName(text.charCodeAt(at + cellOpen.length))) continue;
      const tagEnd = text.indexOf(">", at);
      attributes.read(text, at + cellOpen.length, tagEnd);
      const stated = attributes.rStart < 0 ? -1 : parseColumn(text, attributes.rStart, attributes.rEnd);
      column = stated >= 0 ? stated : column + 1;
      if (text.charCodeAt(tagEnd - 1) === slash) continue; // <c r="B2" s="3"/>: formatted, but empty
      const end = text.indexOf(cellClose, tagEnd);
      if (end < 0 || end > to) throw corrupt(`a cell in row ${formatCount(this.previousRowNumber)} of the ${this.sheetName} sheet is not closed`);
      this.readCell(text, tagEnd + 1, end, column);
      at = end;
    }
  }

  /** Reads the cell whose content (its <f>, <v> or <is>) is text[from, to). */
  private readCell(text: string, from: number, to: number, column: number): void {
    const { attributes } = this;
    const type = attributes.tStart < 0 ? CellType.number : cellType(text, attributes.tStart, attributes.tEnd);
    if (type === CellType.inlineString) return this.row.set(column, richText(text, from, to));
    if (!this.findValue(text, from, to)) return this.readCellWithoutValue(text, from, to, column);
    if (type === CellType.sharedString) return this.readSharedString(text, column);
    const stored = text.slice(this.valueStart, this.valueEnd);
    switch (type) {
      case CellType.number: {
        const style = attributes.sStart < 0 ? 0 : parseDigits(text, attributes.sStart, attributes.sEnd);
        return this.row.set(column, this.formats.dateStyles[style] ? this.dateText(stored) : formatExcelNumber(stored));
      }
      case CellType.formulaString:
        return this.row.set(column, decodeExcelEscapes(decodeXmlText(stored)));
      case CellType.boolean:
        return this.row.set(column, stored === "1" || stored === "true" ? "TRUE" : "FALSE");
      case CellType.isoDate:
        return this.row.set(column, formatIsoDate(stored));
      case CellType.error:
        return this.readError(decodeXmlText(stored).trim(), column);
    }
  }

  private readCellWithoutValue(text: string, from: number, to: number, column: number): void {
    const formula = text.indexOf(this.formulaOpen, from);
    if (formula < 0 || formula >= to) return;
    this.row.addProblem(
      column,
      "formula_without_value",
      "The cell has a formula but no saved result. Open the file in Excel and save it again, so that results are saved.",
    );
  }

  private readSharedString(text: string, column: number): void {
    const index = parseDigits(text, this.valueStart, this.valueEnd);
    const { values, cutLengths } = this.formats.sharedStrings;
    const value = values[index];
    if (value === undefined) throw corrupt(`a cell of the ${this.sheetName} sheet refers to a shared text that does not exist`);
    this.row.setPrepared(column, value);
    const cutLength = cutLengths.size === 0 ? undefined : cutLengths.get(index);
    if (cutLength !== undefined) this.row.tooLong(column, cutLength);
  }

  private readError(error: string, column: number): void {
    this.row.set(column, error);
    this.row.addProblem(column, "error_value", `The cell shows the error ${error}.`);
  }

  private dateText(stored: string): string {
    const date = stored === "" ? undefined : formatExcelDate(Number(stored), this.formats.date1904);
    return date ?? formatExcelNumber(stored);
  }

  /** Finds the cell's <v> text within text[from, to), leaving it in valueStart/valueEnd. */
  private findValue(text: string, from: number, to: number): boolean {
    const open = text.indexOf(this.valueOpen, from);
    if (open < 0 || open >= to) return false;
    const tagEnd = text.indexOf(">", open);
    const close = text.charCodeAt(tagEnd - 1) === slash ? tagEnd + 1 : text.indexOf(this.valueClose, tagEnd);
    this.valueStart = tagEnd + 1;
    this.valueEnd = close < 0 || close > to ? to : close;
    return true;
  }

  private rowTooLarge(): WorkbookError {
    return new WorkbookError(
      "row_too_large",
      `A row after row ${formatCount(this.previousRowNumber)} of the ${this.sheetName} sheet is larger than ${formatBytes(maxElementChars)}; no usage record comes near that.`,
    );
  }
}

/** The cell type from its `t` attribute's value in text[from, to): s, str, inlineStr, b, e, d, or n. */
function cellType(text: string, from: number, to: number): CellType {
  switch (text.charCodeAt(from)) {
    case 115 /* s */:
      return to - from === 1 ? CellType.sharedString : CellType.formulaString;
    case 105 /* i */:
      return CellType.inlineString;
    case 98 /* b */:
      return CellType.boolean;
    case 101 /* e */:
      return CellType.error;
    case 100 /* d */:
      return CellType.isoDate;
    default:
      return CellType.number;
  }
}
