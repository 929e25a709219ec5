import "server-only";
import { open } from "node:fs/promises";
import { WorkbookError } from "./errors";

export type FileKind = "zip" | "ole" | "text";

const headBytes = 4096;
const zipSignatures = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];
const oleSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16Signatures = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
/** Control bytes no text file has (tab, line feed, form feed and carriage return are allowed). */
const binaryByte = /[\x00-\x08\x0B\x0E-\x1F]/;

/** What the file is, judged from its first bytes and never from its name. */
export async function sniffFileKind(path: string): Promise<FileKind> {
  const head = await readHead(path);
  if (head.length === 0) throw notASpreadsheet("The file is empty.");
  if (zipSignatures.some((signature) => startsWith(head, signature))) return "zip";
  if (startsWith(head, oleSignature)) return "ole";
  if (utf16Signatures.some((signature) => startsWith(head, signature))) throw notUtf8();
  if (binaryByte.test(head.toString("latin1")))
    throw notASpreadsheet("The file is neither an .xlsx workbook nor a CSV file.");
  if (!isUtf8(head)) throw notUtf8();
  if (
    head
      .toString("utf8")
      .trimStart()
      .replace(/^\uFEFF/, "")
      .startsWith("<")
  ) {
    throw notASpreadsheet("The file is a web page or XML document, not an .xlsx workbook or a CSV file.");
  }
  return "text";
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await file.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

function isUtf8(head: Buffer): boolean {
  try {
    // `stream` lets a character cut by the end of the head pass.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function notASpreadsheet(message: string): WorkbookError {
  return new WorkbookError("not_a_spreadsheet", `${message} Upload an .xlsx workbook or a CSV file.`);
}

export function notUtf8(): WorkbookError {
  return new WorkbookError(
    "not_utf8",
    'The CSV file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)".',
  );
}
