import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbook } from "@/lib/server/spreadsheet/reader/open-workbook";
import type { ReadLimits, SheetRow } from "@/lib/server/spreadsheet/reader/types";
import { writeZip, type ZipEntryContent } from "@/lib/server/spreadsheet/reader/zip-writer";

// Builders for the reader's tests: each test writes the XML of the parts it is about, so the
// input it reads is there to see.

const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const directory = mkdtempSync(join(tmpdir(), "usage-reader-"));
let fileCount = 0;

/** For each test file's afterAll. */
export function removeTempFiles(): void {
  rmSync(directory, { recursive: true, force: true });
}

export function tempPath(extension: string): string {
  fileCount += 1;
  return join(directory, `file-${fileCount}.${extension}`);
}

export interface XlsxParts {
  /** Sheet name → the XML inside <sheetData> (rows), in workbook order. */
  sheets: Record<string, string>;
  /** The inner XML of each <si>, e.g. `<t>text</t>`. */
  sharedStrings?: string[];
  /** The inner XML of <cellXfs> and of <numFmts>. */
  styles?: { cellXfs: string; numFmts?: string };
  date1904?: boolean;
  /** Replaces or adds parts by name, written as given (a generator streams a part too large to hold). */
  parts?: Record<string, ZipEntryContent>;
}

export async function writeXlsxParts(workbook: XlsxParts): Promise<string> {
  const path = tempPath("xlsx");
  const names = Object.keys(workbook.sheets);
  const parts: Record<string, ZipEntryContent> = {
    "_rels/.rels": relationships([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": workbookXml(names, workbook.date1904 ?? false),
    "xl/_rels/workbook.xml.rels": relationships([
      ...names.map((_, index): Relationship => [`rId${index + 1}`, "worksheet", `worksheets/sheet${index + 1}.xml`]),
      ["rIdStyles", "styles", "styles.xml"],
      ["rIdStrings", "sharedStrings", "sharedStrings.xml"],
    ]),
    "xl/styles.xml": stylesXml(workbook.styles),
    "xl/sharedStrings.xml": sharedStringsXml(workbook.sharedStrings ?? []),
  };
  Object.values(workbook.sheets).forEach(
    (rows, index) => (parts[`xl/worksheets/sheet${index + 1}.xml`] = sheetXml(rows)),
  );
  await writeZip(path, Object.entries({ ...parts, ...workbook.parts }));
  return path;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${mainNamespace}"><dimension ref="A1"/><sheetData>${rows}</sheetData></worksheet>`;
}

export function sharedStringsXml(items: string[]): string {
  const entries = items.map((item) => `<si>${item}</si>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${mainNamespace}" count="${items.length}" uniqueCount="${items.length}">${entries}</sst>`;
}

type Relationship = [id: string, kind: string, target: string];

function relationships(items: Relationship[]): string {
  const entries = items.map(
    ([id, kind, target]) => `<Relationship Id="${id}" Type="${relationshipsNamespace}/${kind}" Target="${target}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries.join("")}</Relationships>`;
}

function workbookXml(sheetNames: string[], date1904: boolean): string {
  const sheets = sheetNames.map(
    (name, index) => `<sheet name="${name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${mainNamespace}" xmlns:r="${relationshipsNamespace}"><workbookPr date1904="${date1904 ? 1 : 0}"/><sheets>${sheets.join("")}</sheets></workbook>`;
}

function stylesXml(styles: XlsxParts["styles"] = { cellXfs: '<xf numFmtId="0"/>' }): string {
  const numFmts = styles.numFmts ? `<numFmts>${styles.numFmts}</numFmts>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${mainNamespace}">${numFmts}<cellXfs>${styles.cellXfs}</cellXfs></styleSheet>`;
}

/** Every row of a sheet, batches joined. */
export async function readRows(path: string, sheetName = "records", limits?: Partial<ReadLimits>): Promise<SheetRow[]> {
  const workbook = await openWorkbook(path, limits);
  try {
    const rows: SheetRow[] = [];
    for await (const batch of workbook.rows(sheetName)) rows.push(...batch);
    return rows;
  } finally {
    await workbook.close();
  }
}

/** The values of a one-sheet workbook's rows, from the rows' XML. */
export async function readSheetValues(rows: string, workbook: Omit<XlsxParts, "sheets"> = {}): Promise<string[][]> {
  const path = await writeXlsxParts({ ...workbook, sheets: { records: rows } });
  return (await readRows(path)).map((row) => row.values);
}
