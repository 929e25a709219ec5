import "server-only";
import { CsvWorkbook } from "./csv-workbook";
import { WorkbookError } from "./errors";
import { readOleEntryNames } from "./ole";
import { sniffFileKind } from "./sniff";
import { defaultReadLimits, type ReadLimits, type UsageWorkbook } from "./types";
import { XlsxWorkbook } from "./xlsx-workbook";
import { ZipArchive } from "./zip-archive";

/**
 * Opens an uploaded usage file, .xlsx or CSV, whatever its name says. Fails with a WorkbookError
 * whose message tells the uploader what is wrong, having closed whatever it opened.
 */
export async function openWorkbook(
  path: string,
  limits: Partial<ReadLimits> = {},
  declared?: "xlsx" | "csv",
): Promise<UsageWorkbook> {
  const effectiveLimits = { ...defaultReadLimits, ...limits };
  const kind = await sniffFileKind(path);
  if (declared) refuseMismatch(declared, kind);
  switch (kind) {
    case "text":
      return new CsvWorkbook(path, effectiveLimits);
    case "ole":
      throw await officeContainerFailure(path);
    case "zip":
      return openZipWorkbook(path, effectiveLimits);
  }
}

/** A file named .xlsx must be a workbook, and one named .csv must be text: the name is what the uploader meant. */
function refuseMismatch(declared: "xlsx" | "csv", kind: Awaited<ReturnType<typeof sniffFileKind>>): void {
  if (declared === "xlsx" && kind === "text") {
    throw new WorkbookError(
      "not_a_spreadsheet",
      "The file is named .xlsx but is not an Excel workbook. Save it from Excel as an Excel Workbook (.xlsx), or upload it as .csv.",
    );
  }
  if (declared === "csv" && kind !== "text") {
    throw new WorkbookError(
      "not_a_spreadsheet",
      "The file is named .csv but is not text. Upload a workbook with the .xlsx extension.",
    );
  }
}

async function openZipWorkbook(path: string, limits: ReadLimits): Promise<UsageWorkbook> {
  const zip = await ZipArchive.open(path);
  try {
    if (await isOpenDocument(zip)) {
      throw new WorkbookError(
        "ods",
        "OpenDocument spreadsheets (.ods) are not accepted. Save the file as an Excel Workbook (.xlsx).",
      );
    }
    return await XlsxWorkbook.open(zip, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function isOpenDocument(zip: ZipArchive): Promise<boolean> {
  if (!zip.has("mimetype")) return false;
  return (await zip.readText("mimetype", 256)).startsWith("application/vnd.oasis.opendocument");
}

/** An OLE compound file is never accepted; which one it is decides what the uploader is told to do. */
async function officeContainerFailure(path: string): Promise<WorkbookError> {
  const names = new Set((await readOleEntryNames(path)).map((name) => name.toLowerCase()));
  if (names.has("encryptedpackage")) {
    return new WorkbookError(
      "encrypted",
      "The workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook) and upload it again.",
    );
  }
  if (names.has("workbook") || names.has("book")) {
    return new WorkbookError(
      "legacy_xls",
      "This is an Excel 97–2003 workbook (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) and upload that.",
    );
  }
  return new WorkbookError(
    "not_a_spreadsheet",
    "This is an Office document, but not a workbook. Upload an .xlsx workbook or a CSV file.",
  );
}
