// No `server-only` guard: the benchmark's sheet generator runs this under plain tsx.
import { sheetDateTimeFormat } from "@/lib/domain/usage-sheet";

/** The XML that every .xlsx written by hand shares: package parts, styles, escaping, references. */

export const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const spreadsheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The cell styles of `stylesXml`, by index. */
export const cellStyles = { dateTime: 1, bold: 2 } as const;

export function stylesXml(): string {
  return (
    `${xmlDeclaration}<styleSheet xmlns="${mainNamespace}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${sheetDateTimeFormat}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
}

export interface PartType {
  partName: string;
  contentType: string;
}

/** `[Content_Types].xml`: rels and xml parts by extension, `extraDefaults` likewise, the rest by name. */
export function contentTypesXml(overrides: readonly PartType[], extraDefaults: readonly string[] = []): string {
  return (
    xmlDeclaration +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    extraDefaults.join("") +
    overrides.map((o) => `<Override PartName="${o.partName}" ContentType="${o.contentType}"/>`).join("") +
    "</Types>"
  );
}

/** A relationships part; the targets get the ids `rId1`, `rId2`, … in order. */
export function relationshipsXml(targets: readonly { type: string; target: string }[]): string {
  const items = targets.map(
    (t, index) =>
      `<Relationship Id="rId${index + 1}" Type="${relationshipsNamespace}/${t.type}" Target="${t.target}"/>`,
  );
  return `${xmlDeclaration}<Relationships xmlns="${packageRelationshipsNamespace}">${items.join("")}</Relationships>`;
}

export function rootRelationshipsXml(): string {
  return relationshipsXml([{ type: "officeDocument", target: "xl/workbook.xml" }]);
}

/** The workbook part; sheet n is `rId<n>` in the workbook's relationships. */
export function workbookXml(sheetNames: readonly string[]): string {
  const entries = sheetNames.map(
    (name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  return `${xmlDeclaration}<workbook xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}"><sheets>${entries.join("")}</sheets></workbook>`;
}

const needsEscape = /[&<>"\x00-\x08\x0B-\x1F]|_x[0-9A-Fa-f]{4}_/;

/** XML-escapes text, and writes what XML cannot carry (control characters, CR) as Excel's `_xHHHH_`. */
export function escapeXml(text: string): string {
  if (!needsEscape.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\x00-\x08\x0B-\x1F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A `<t>` element; leading or trailing white space is kept, as XML parsers would otherwise drop it. */
export function textElement(value: string): string {
  const space = value.trim() === value ? "" : ' xml:space="preserve"';
  return `<t${space}>${escapeXml(value)}</t>`;
}

const columnNames: string[] = [];

/** `A`, `B`, …, `Z`, `AA`, … for the 0-based column index. */
export function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    name = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    columnNames[index] = name;
  }
  return name;
}

const unixEpochSerial = 25569;
const firstSerialAfterLeapBug = 61;
// Where `YYYY-MM-DD hh:mm:ss` has its separators; every other position holds a digit.
const separators = [-1, -1, -1, -1, 45, -1, -1, 45, -1, -1, 32, -1, -1, 58, -1, -1, 58, -1, -1];

/**
 * `YYYY-MM-DD hh:mm:ss` (UTC) as an Excel date serial; undefined for other text and days before
 * 1900-03-01. Read digit by digit: an export has two per row.
 */
export function dateTimeSerial(value: string): number | undefined {
  if (value.length !== 19) return undefined;
  for (let at = 0; at < 19; at++) {
    const code = value.charCodeAt(at);
    if (separators[at]! < 0 ? code < 48 || code > 57 : code !== separators[at]) return undefined;
  }
  const days = daysFromCivil(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2));
  const seconds = digits(value, 11, 2) * 3600 + digits(value, 14, 2) * 60 + digits(value, 17, 2);
  const serial = days + unixEpochSerial + seconds / 86_400;
  return serial >= firstSerialAfterLeapBug ? serial : undefined;
}

function digits(text: string, from: number, count: number): number {
  let number = 0;
  for (let at = from; at < from + count; at++) number = number * 10 + text.charCodeAt(at) - 48;
  return number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
