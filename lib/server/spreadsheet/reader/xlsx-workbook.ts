import "server-only";
import { asWorkbookFailure, missingSheet, WorkbookError } from "./errors";
import { RowBatcher } from "./row-batcher";
import { noSharedStrings, readSharedStrings, type SharedStrings } from "./shared-strings";
import { SheetScanner, type CellFormats } from "./sheet-scanner";
import { readDateStyles } from "./styles";
import { defaultBatchSize, type ReadLimits, type SheetRow, type UsageWorkbook } from "./types";
import {
  isWorkbookXml,
  officeDocumentPart,
  readWorkbookStructure,
  relationshipsPartOf,
  type WorkbookStructure,
} from "./workbook-structure";
import { assertNoDoctype, refusingDoctype } from "./xml-text";
import type { ZipArchive } from "./zip-archive";

// Parts read whole (workbook, relationships, styles) are small: a cap far below the sheets' keeps a
// hostile one cheap.
const maxWholePartBytes = 32 * 1024 * 1024;

/** An .xlsx workbook: its structure, styles and shared strings read up front, its sheets streamed on demand. */
export class XlsxWorkbook implements UsageWorkbook {
  readonly sheetNames: readonly string[];
  progress = 0;
  private failure: unknown;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly structure: WorkbookStructure,
    private readonly formats: CellFormats,
    private readonly limits: ReadLimits,
  ) {
    this.sheetNames = [...structure.sheets.keys()];
  }

  /** Reads the workbook's structure, styles and shared strings; the caller closes the zip if this fails. */
  static async open(zip: ZipArchive, limits: ReadLimits): Promise<XlsxWorkbook> {
    const structure = await readWorkbookPackage(zip);
    const formats: CellFormats = {
      date1904: structure.date1904,
      dateStyles: structure.stylesPart ? readDateStyles(await readWholeXml(zip, structure.stylesPart)) : [],
      sharedStrings: await loadSharedStrings(zip, structure.sharedStringsPart, limits),
    };
    return new XlsxWorkbook(zip, structure, formats, limits);
  }

  async *rows(sheetName: string, batchSize = defaultBatchSize): AsyncGenerator<SheetRow[]> {
    if (this.failure) throw this.failure;
    const part = this.structure.sheets.get(sheetName);
    if (part === undefined) throw missingSheet(sheetName, this.sheetNames);
    const batcher = new RowBatcher(sheetName, batchSize, this.limits.maxRows);
    const scanner = new SheetScanner(sheetName, this.formats, this.limits.maxCellChars, batcher.add);
    const size = Math.max(1, this.zip.inflatedSize(part));
    let read = 0;
    this.progress = 0;
    try {
      for await (const chunk of refusingDoctype(
        this.zip.textChunks(part, this.limits.maxInflatedBytesPerEntry, "sheet"),
        part,
      )) {
        read += chunk.length;
        this.progress = Math.min(1, read / size);
        scanner.feed(chunk);
        yield* batcher.takeFull();
      }
      scanner.end();
      yield* batcher.takeRest();
    } catch (error) {
      this.failure = asWorkbookFailure(error);
      this.zip.close();
      throw this.failure;
    }
  }

  async close(): Promise<void> {
    this.zip.close();
  }
}

/** Where the workbook's sheets, styles and shared strings are, found through its relationships. */
export async function readWorkbookPackage(zip: ZipArchive): Promise<WorkbookStructure> {
  const workbookPart = await findWorkbookPart(zip);
  const workbookXml = await readWholeXml(zip, workbookPart);
  if (!isWorkbookXml(workbookXml)) throw notAWorkbook();
  return readWorkbookStructure(workbookPart, workbookXml, await readWholeXml(zip, relationshipsPartOf(workbookPart)));
}

async function findWorkbookPart(zip: ZipArchive): Promise<string> {
  const part = zip.has("_rels/.rels") ? officeDocumentPart(await readWholeXml(zip, "_rels/.rels")) : undefined;
  if (part?.endsWith(".bin")) {
    throw new WorkbookError(
      "not_a_spreadsheet",
      "Binary workbooks (.xlsb) are not accepted. In Excel, save the file as an Excel Workbook (.xlsx).",
    );
  }
  if (part === undefined || !zip.has(part)) throw notAWorkbook();
  return part;
}

async function readWholeXml(zip: ZipArchive, part: string): Promise<string> {
  const xml = await zip.readText(part, maxWholePartBytes);
  assertNoDoctype(xml, part);
  return xml;
}

async function loadSharedStrings(
  zip: ZipArchive,
  part: string | undefined,
  limits: ReadLimits,
): Promise<SharedStrings> {
  if (part === undefined || !zip.has(part)) return noSharedStrings;
  return readSharedStrings(refusingDoctype(zip.textChunks(part, limits.maxInflatedBytesPerEntry), part), limits);
}

function notAWorkbook(): WorkbookError {
  return new WorkbookError(
    "not_a_spreadsheet",
    "The file is a zip archive or an Office document, but not an Excel workbook. Upload an .xlsx workbook or a CSV file.",
  );
}
