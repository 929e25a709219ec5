import "server-only";
import { corrupt, formatBytes, formatCount, WorkbookError } from "./errors";
import { formatExcelDate, formatIsoDate } from "./excel-date";
import { formatExcelNumber } from "./excel-number";
import { richText } from "./rich-text";
import { RowBuilder } from "./row-builder";
import type { SharedStrings } from "./shared-strings";
import { parseColumn, parseDigits, TagAttributes } from "./tag-attributes";
import type { SheetRow } from "./types";
import { ElementSplitter, endsName, indexWithin, maxElementChars } from "./xml-elements";
import { decodeExcelEscapes, decodeXmlText } from "./xml-text";

/** What cells need from the rest of the workbook to be read as Excel shows them. */
export interface CellFormats {
  sharedStrings: SharedStrings;
  /** By cell style index (the `s` attribute): whether the style shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const CellType = {
  number: 0,
  sharedString: 1,
  inlineString: 2,
  formulaString: 3,
  boolean: 4,
  error: 5,
  isoDate: 6,
} as const;
type CellType = (typeof CellType)[keyof typeof CellType];

const slash = 47;
const maxCachedDates = 10_000;

/**
 * Reads the rows of a worksheet part from its XML text, chunk by chunk, straight off the inflater:
 * string searches over the text instead of an XML parser, which is what makes a million rows a
 * matter of seconds. Only what rows and cells carry is looked at; the rest of the sheet is skipped.
 */
export class SheetScanner {
  private readonly rows: ElementSplitter;
  private readonly row: RowBuilder;
  private readonly attributes = new TagAttributes();
  // Usage records repeat their period's bounds row after row: each date is worked out once.
  private readonly dateTexts = new Map<string, string>();
  private previousRowNumber = 0;
  private rowNameLength = "<row".length;
  private cellOpen = "<c";
  private cellClose = "</c>";
  private valueOpen = "<v";
  private valueTag = "<v>";
  private valueClose = "</v>";
  private formulaOpen = "<f";

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
      {
        tooLarge: () => this.rowTooLarge(),
        cutShort: () => corrupt(`the ${sheetName} sheet is cut short`),
      },
    );
  }

  feed(text: string): void {
    this.rows.feed(text);
  }

  end(): void {
    this.rows.end();
  }

  private useTagPrefix(prefix: string): void {
    this.rowNameLength = `<${prefix}row`.length;
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueTag = `<${prefix}v>`;
    this.valueClose = `</${prefix}v>`;
    this.formulaOpen = `<${prefix}f`;
  }

  private readRow(text: string, start: number, contentStart: number, contentEnd: number): void {
    const { attributes } = this;
    attributes.read(text, start + this.rowNameLength, contentStart);
    const stated = attributes.rStart < 0 ? 0 : parseDigits(text, attributes.rStart, attributes.rEnd);
    const rowNumber = stated > 0 ? stated : this.previousRowNumber + 1;
    this.previousRowNumber = rowNumber;
    this.readCells(text, contentStart, contentEnd);
    const row = this.row.finish(rowNumber);
    if (row) this.onRow(row);
  }

  private readCells(text: string, from: number, to: number): void {
    const { cellOpen, attributes } = this;
    let column = -1;
    let at = indexWithin(text, cellOpen, from, to);
    while (at >= 0) {
      const nameEnd = at + cellOpen.length;
      if (endsName(text.charCodeAt(nameEnd))) {
        const tagEnd = attributes.read(text, nameEnd, to);
        if (tagEnd < 0) throw this.malformedCell();
        const stated = attributes.rStart < 0 ? -1 : parseColumn(text, attributes.rStart, attributes.rEnd);
        column = stated >= 0 ? stated : column + 1;
        // A self-closing <c r="B2" s="3"/> is formatted, but empty.
        at = text.charCodeAt(tagEnd - 1) === slash ? tagEnd + 1 : this.readCell(text, tagEnd + 1, to, column);
      } else {
        at = nameEnd;
      }
      at = indexWithin(text, cellOpen, at, to);
    }
  }

  /** Reads the cell whose content starts at `from`, within a row ending at `to`; returns where the cell ends. */
  private readCell(text: string, from: number, to: number, column: number): number {
    const { attributes, valueTag, valueClose, cellClose } = this;
    const type = attributes.tStart < 0 ? CellType.number : cellType(text, attributes.tStart, attributes.tEnd);
    // Nearly every cell is <v>…</v></c>: read it so, without searching its end first.
    if (type !== CellType.inlineString && text.startsWith(valueTag, from)) {
      const valueStart = from + valueTag.length;
      const valueEnd = indexWithin(text, "<", valueStart, to);
      const valueCloseEnd = valueEnd + valueClose.length;
      if (valueEnd >= 0 && text.startsWith(valueClose, valueEnd) && text.startsWith(cellClose, valueCloseEnd)) {
        this.readValue(type, text, valueStart, valueEnd, column);
        return valueCloseEnd + cellClose.length;
      }
    }
    const end = indexWithin(text, cellClose, from, to);
    if (end < 0) throw this.malformedCell();
    this.readCellContent(type, text, from, end, column);
    return end + cellClose.length;
  }

  /** Reads a cell of any shape from its content, text[from, to): <f>, <v> and <is> in any order. */
  private readCellContent(type: CellType, text: string, from: number, to: number, column: number): void {
    if (type === CellType.inlineString) return this.row.set(column, inlineText(text, from, to));
    const valueOpen = indexWithin(text, this.valueOpen, from, to);
    if (valueOpen < 0) return this.readCellWithoutValue(text, from, to, column);
    const tagEnd = text.indexOf(">", valueOpen);
    if (text.charCodeAt(tagEnd - 1) === slash) return this.readValue(type, text, tagEnd, tagEnd, column);
    const valueEnd = indexWithin(text, this.valueClose, tagEnd, to);
    this.readValue(type, text, tagEnd + 1, valueEnd < 0 ? to : valueEnd, column);
  }

  /** Reads the cell's stored value, text[start, end), as its type and style say; empty is an empty cell. */
  private readValue(type: CellType, text: string, start: number, end: number, column: number): void {
    if (start === end) return;
    if (type === CellType.sharedString) return this.readSharedString(parseDigits(text, start, end), column);
    const stored = text.slice(start, end);
    switch (type) {
      case CellType.number:
        if (this.isDateStyled(text)) return this.row.setPrepared(column, this.dateText(stored));
        return this.row.set(column, formatExcelNumber(stored));
      case CellType.formulaString:
        return this.row.set(column, decodeExcelEscapes(decodeXmlText(stored)));
      case CellType.boolean:
        return this.row.setPrepared(column, stored === "1" || stored === "true" ? "TRUE" : "FALSE");
      case CellType.isoDate:
        return this.row.set(column, formatIsoDate(stored));
      case CellType.error:
        return this.readError(decodeXmlText(stored).trim(), column);
    }
  }

  private readCellWithoutValue(text: string, from: number, to: number, column: number): void {
    if (indexWithin(text, this.formulaOpen, from, to) < 0) return;
    this.row.addProblem(
      column,
      "formula_without_value",
      "The cell has a formula but no saved result. Open the file in Excel and save it again, so that results are saved.",
    );
  }

  private readSharedString(index: number, column: number): void {
    const strings = this.formats.sharedStrings;
    const value = strings.text(index);
    if (value === undefined)
      throw corrupt(`a cell of the ${this.sheetName} sheet refers to a shared text that does not exist`);
    this.row.setPrepared(column, value);
    const cutLength = strings.cutLength(index);
    if (cutLength !== undefined) this.row.tooLong(column, cutLength);
  }

  private readError(error: string, column: number): void {
    this.row.set(column, error);
    this.row.addProblem(column, "error_value", `The cell shows the error ${error}.`);
  }

  /** Whether the current cell's style (its `s` attribute) shows a date. */
  private isDateStyled(text: string): boolean {
    const { sStart, sEnd } = this.attributes;
    return sStart >= 0 && this.formats.dateStyles[parseDigits(text, sStart, sEnd)] === true;
  }

  private dateText(stored: string): string {
    let text = this.dateTexts.get(stored);
    if (text === undefined) {
      text = formatExcelDate(Number(stored), this.formats.date1904) ?? formatExcelNumber(stored);
      if (this.dateTexts.size === maxCachedDates) this.dateTexts.clear();
      this.dateTexts.set(stored, text);
    }
    return text;
  }

  private malformedCell(): WorkbookError {
    return corrupt(`a cell in row ${formatCount(this.previousRowNumber)} of the ${this.sheetName} sheet is malformed`);
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

const inlineOpen = "<is>";
const inlineClose = "</is>";

/** An inline string's text; looked for inside its `<is>`, where the common single `<t>` is read directly. */
function inlineText(text: string, from: number, to: number): string {
  const wrapped = text.startsWith(inlineOpen, from) && text.startsWith(inlineClose, to - inlineClose.length);
  return wrapped ? richText(text, from + inlineOpen.length, to - inlineClose.length) : richText(text, from, to);
}
