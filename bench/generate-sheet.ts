// No `server-only` guard: measure.ts and the benchmark run this under plain tsx.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { writeZip, type ZipEntryContent } from "@/lib/server/spreadsheet/reader/zip-writer";

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

const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const flushChars = 1 << 20;
const dateTimeStyle = 1;

export async function writeXlsx(path: string, sheets: readonly GeneratedSheet[]): Promise<void> {
  await writeZip(path, workbookParts(sheets));
}

export async function writeCsv(path: string, rows: Rows, options: { delimiter?: "," | ";" } = {}): Promise<void> {
  const delimiter = options.delimiter ?? ",";
  await pipeline(csvText(rows, delimiter), createWriteStream(path));
}

function* workbookParts(sheets: readonly GeneratedSheet[]): Generator<[string, ZipEntryContent]> {
  const strings = new SharedStringTable();
  yield ["[Content_Types].xml", contentTypes(sheets.length)];
  yield ["_rels/.rels", rootRelationships()];
  yield ["xl/workbook.xml", workbookXml(sheets)];
  yield ["xl/_rels/workbook.xml.rels", workbookRelationships(sheets.length)];
  yield ["xl/styles.xml", stylesXml()];
  for (const [index, sheet] of sheets.entries()) {
    yield [`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet.rows, strings)];
  }
  // Last, so that it holds every string the sheets above used.
  yield ["xl/sharedStrings.xml", strings.xml()];
}

function contentTypes(sheetCount: number): string {
  const main = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const sheets = sheetNumbers(sheetCount).map(
    (n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${main}.worksheet+xml"/>`,
  );
  return (
    xmlDeclaration +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${main}.sheet.main+xml"/>` +
    sheets.join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${main}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${main}.sharedStrings+xml"/>` +
    "</Types>"
  );
}

function rootRelationships(): string {
  return relationships([
    `<Relationship Id="rId1" Type="${relationshipsNamespace}/officeDocument" Target="xl/workbook.xml"/>`,
  ]);
}

function workbookRelationships(sheetCount: number): string {
  const sheets = sheetNumbers(sheetCount).map(
    (n) => `<Relationship Id="rId${n}" Type="${relationshipsNamespace}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
  );
  return relationships([
    ...sheets,
    `<Relationship Id="rId${sheetCount + 1}" Type="${relationshipsNamespace}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${sheetCount + 2}" Type="${relationshipsNamespace}/sharedStrings" Target="sharedStrings.xml"/>`,
  ]);
}

function relationships(items: string[]): string {
  return `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}">${items.join("")}</Relationships>`;
}

function workbookXml(sheets: readonly GeneratedSheet[]): string {
  const entries = sheets.map(
    (sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  return `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}"><sheets>${entries.join("")}</sheets></workbook>`;
}

function stylesXml(): string {
  return (
    `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">` +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
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
  if (serial !== undefined) return `<c r="${reference}" s="${dateTimeStyle}"><v>${serial}</v></c>`;
  return `<c r="${reference}" t="s"><v>${strings.indexOf(value)}</v></c>`;
}

const plainNumber = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/** A decimal Excel keeps exactly as typed: no exponent, no padding zeros, at most 15 significant digits. */
function isPlainNumber(value: string): boolean {
  return plainNumber.test(value) && value.replace(/^-?[0.]*/, "").replace(".", "").length <= 15;
}

const dateTime = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const unixEpochSerial = 25569;
const firstSerialAfterLeapBug = 61;

function dateTimeSerial(value: string): number | undefined {
  const parts = value.length === 19 ? dateTime.exec(value)?.slice(1).map(Number) : undefined;
  if (!parts) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts;
  const serial = Date.UTC(year, month - 1, day, hour, minute, second) / 86_400_000 + unixEpochSerial;
  return serial >= firstSerialAfterLeapBug ? serial : undefined;
}

const columnNames: string[] = [];

function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    name = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    columnNames[index] = name;
  }
  return name;
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
      const space = value.trim() === value ? "" : ' xml:space="preserve"';
      text += `<si><t${space}>${escapeXml(value)}</t></si>`;
      if (text.length >= flushChars) {
        yield text;
        text = "";
      }
    }
    yield `${text}</sst>`;
  }
}

const needsEscape = /[&<>"\x00-\x08\x0B-\x1F]|_x[0-9A-Fa-f]{4}_/;

/** XML-escapes text, and writes what XML cannot carry (control characters, CR) as Excel's `_xHHHH_`. */
function escapeXml(text: string): string {
  if (!needsEscape.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\x00-\x08\x0B-\x1F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
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

function sheetNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
