import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** Runs a writer (of a workbook, a CSV, a download) into memory; answers the bytes it wrote. */
export async function writtenBytes(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

/** Runs a workbook writer into memory and opens what it wrote with exceljs, as a user's Excel would. */
export async function writtenWorkbook(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writtenBytes(write)) as unknown as ExcelJS.Buffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no ${name} sheet`);
  return found;
}
