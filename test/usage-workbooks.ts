import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { demoUsers } from "@/db/seed";
import type { Actor } from "@/lib/domain/permissions";
import { requiredRecordColumns } from "@/lib/domain/usage-sheet";

/** Seeded objects the ingest tests use (db/seed.ts). */
export const acmeDraftFileId = "UF-2026-10-1001-0001";
export const acmeVendor: Actor = actorOf("vendor@acme.test");
export const globexVendor: Actor = actorOf("vendor@globex.test");
export const northwindDistributor: Actor = actorOf("distributor@northwind.test");

function actorOf(email: string): Actor {
  const user = demoUsers.find((u) => u.email === email)!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
}

/** The columns a QT records sheet must have, in the order `validRow` fills them. */
export const recordsHeader = requiredRecordColumns("QT");

/** The last full month, as the seed sets the demo files' period. */
export function demoPeriodStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
}

/** A valid records row for the seeded Acme Compute product and contract, on day `day` of the period. */
export function validRow(recordId: string, quantity = "12.25", day = 0): string[] {
  const start = new Date(demoPeriodStart().getTime() + day * 86_400_000);
  const end = new Date(start.getTime() + 86_400_000);
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  return [recordId, "item.mpn", "ACME-VCPU-HR", quantity, text(start), text(end), "asset.external_id", "EXT-100001001"];
}

/** Cells as exceljs takes them: text, numbers, dates, `{ formula, result }`. */
export async function xlsxOf(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadOf(fileName: string, content: Buffer | string) {
  return { fileName, content: Readable.from([Buffer.from(content)]) };
}

/** A workbook from test/fixtures/workbooks (see its README.md for how each was made). */
export function fixtureWorkbook(fileName: string): Promise<Buffer> {
  return readFile(join(process.cwd(), "test/fixtures/workbooks", fileName));
}
