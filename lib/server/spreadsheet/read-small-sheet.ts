import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { openWorkbook, WorkbookError, type SheetRow } from "./reader";

/** The first sheet of a small uploaded .xlsx or .csv: its header and data rows, whole in memory. */
export interface SmallSheet {
  header: string[];
  rows: SheetRow[];
}

/**
 * Reads an administrator's sheet (a few thousand rows at most) with the same hardened reader as
 * usage files; an unreadable file is a failure saying what to do.
 */
export async function readSmallSheet(file: File, maxRows: number): Promise<Result<SmallSheet>> {
  const declared = file.name.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
  const dir = await mkdtemp(path.join(tmpdir(), "admin-sheet-"));
  const filePath = path.join(dir, `upload.${declared}`);
  try {
    await writeFile(filePath, Buffer.from(await file.arrayBuffer()));
    const workbook = await openWorkbook(filePath, { maxRows }, declared);
    try {
      const rows: SheetRow[] = [];
      for await (const batch of workbook.rows(workbook.sheetNames[0]!)) rows.push(...batch);
      const [header, ...data] = rows;
      if (!header)
        return fail(
          "validation_failed",
          "The sheet is empty: put the header on row 1 and a subscription on each row below.",
        );
      return ok({ header: header.values, rows: data });
    } finally {
      await workbook.close();
    }
  } catch (error) {
    if (error instanceof WorkbookError) return fail("validation_failed", error.message);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
