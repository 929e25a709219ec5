// No `server-only` guard: measure.ts and the benchmark run this under plain tsx.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { writeZip, type ZipEntryContent } from "@/lib/server/spreadsheet/reader/zip-writer";
import {
  cellStyles,
  columnName,
  contentTypesXml,
  dateTimeSerial,
  mainNamespace,
  relationshipsNamespace,
  relationshipsXml,
  rootRelationshipsXml,
  spreadsheetContentType,
  stylesXml,
  textElement,
  workbookXml,
  xmlDeclaration,
} from "@/lib/server/spreadsheet/xlsx-parts";

/**
 * Fast writers of big test workbooks (a million rows in seconds, where exceljs takes minutes).
 * Values are written the way Excel stores what a person types: plain decimals become numbers,
 * `YYYY-MM-DD hh:mm:ss` becomes a date cell, anything else a shared string, "" no cell at all.
 * The reader hands every one of them back as the same text.
 */
export interface GeneratedSheet {
  name: string;
  rows: Iterable<string[]> | AsyncIterable<string[]>;
}

type Rows = GeneratedSheet["rows"];

const flushChars = 1 << 20;

export async function writeXlsx(path: string, sheets: readonly GeneratedSheet[]): Promise<void> {
  await writeZip(path, workbookParts(sheets));
}

export async function writeCsv(path: string, rows: Rows, options: { delimiter?: "," | ";" } = {}): Promise<void> {
  const delimiter = options.delimiter ?? ",";
  await pipeline(csvText(rows, delimiter), createWriteStream(path));
}

function* workbookParts(sheets: readonly GeneratedSheet[]): Generator<[string, ZipEntryContent]> {
  const strings = new SharedStringTable();
  const sheetNumbers = sheets.map((_, index) => index + 1);
  yield ["[Content_Types].xml", contentTypes(sheetNumbers)];
  yield ["_rels/.rels", rootRelationshipsXml()];
  yield ["xl/workbook.xml", workbookXml(sheets.map((sheet) => sheet.name))];
  yield [
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([
      ...sheetNumbers.map((n) => ({ type: "worksheet", target: `worksheets/sheet${n}.xml` })),
      { type: "styles", target: "styles.xml" },
      { type: "sharedStrings", target: "sharedStrings.xml" },
    ]),
  ];
  yield ["xl/styles.xml", stylesXml()];
  for (const [index, sheet] of sheets.entries()) {
    yield [`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet.rows, strings)];
  }
  // Last, so that it holds every string the sheets above used.
  yield ["xl/sharedStrings.xml", strings.xml()];
}

function contentTypes(sheetNumbers: readonly number[]): string {
  return contentTypesXml([
    { partName: "/xl/workbook.xml", contentType: `${spreadsheetContentType}.sheet.main+xml` },
    ...sheetNumbers.map((n) => ({
      partName: `/xl/worksheets/sheet${n}.xml`,
      contentType: `${spreadsheetContentType}.worksheet+xml`,
    })),
    { partName: "/xl/styles.xml", contentType: `${spreadsheetContentType}.styles+xml` },
    { partName: "/xl/sharedStrings.xml", contentType: `${spreadsheetContentType}.sharedStrings+xml` },
  ]);
}

async function* sheetXml(rows: Rows, strings: SharedStringTable): AsyncGenerator<string> {
  let text = `${xmlDeclaration}<worksheet xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}"><sheetData>`;
  let rowNumber = 0;
  for await (const values of rows) {
    rowNumber += 1;
    text += rowXml(values, rowNumber, strings);
    if (text.length >= flushChars) {
      yield text;
      text = "";
    }
  }
  yield `${text}</sheetData></worksheet>`;
}

function rowXml(values: readonly string[], rowNumber: number, strings: SharedStringTable): string {
  let cells = "";
  for (let column = 0; column < values.length; column++) {
    const value = values[column];
    if (value) cells += cellXml(value, `${columnName(column)}${rowNumber}`, strings);
  }
  return cells && `<row r="${rowNumber}">${cells}</row>`;
}

function cellXml(value: string, reference: string, strings: SharedStringTable): string {
  if (isPlainNumber(value)) return `<c r="${reference}"><v>${value}</v></c>`;
  const serial = dateTimeSerial(value);
  if (serial !== undefined) return `<c r="${reference}" s="${cellStyles.dateTime}"><v>${serial}</v></c>`;
  return `<c r="${reference}" t="s"><v>${strings.indexOf(value)}</v></c>`;
}

const plainNumber = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** A decimal Excel keeps exactly as typed: no exponent, no padding zeros, at most 15 significant digits. */
function isPlainNumber(value: string): boolean {
  return plainNumber.test(value) && value.replace(/^-?[0.]*/, "").replace(".", "").length <= 15;
}

class SharedStringTable {
  private readonly indexes = new Map<string, number>();
  private references = 0;

  indexOf(value: string): number {
    this.references += 1;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(value, index);
    }
    return index;
  }

  *xml(): Generator<string> {
    let text = `${xmlDeclaration}<sst xmlns="${mainNamespace}" count="${this.references}" uniqueCount="${this.indexes.size}">`;
    for (const value of this.indexes.keys()) {
      text += `<si>${textElement(value)}</si>`;
      if (text.length >= flushChars) {
        yield text;
        text = "";
      }
    }
    yield `${text}</sst>`;
  }
}

async function* csvText(rows: Rows, delimiter: string): AsyncGenerator<string> {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter}]|^\\s|\\s$`);
  const field = (value: string) => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  let text = "";
  for await (const values of rows) {
    text += `${values.map(field).join(delimiter)}\r\n`;
    if (text.length >= flushChars) {
      yield text;
      text = "";
    }
  }
  yield text;
}
