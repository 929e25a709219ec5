import "server-only";
import { and, asc, eq, gt, isNotNull, or, type SQL } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { currentRecordsOf, type CurrentGeneration } from "@/db/record-partitions";
import { contracts, products, usageRecords, type StoredFile } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getProduct, listProductItems, listUsageFileItems } from "@/lib/server/queries/catalog";
import { listSubscriptionsActiveIn } from "@/lib/server/queries/subscriptions";
import { getUsageFile, type UsageFileView } from "@/lib/server/queries/usage-files";
import { writeProcessedWorkbook, type RowErrors } from "@/lib/server/spreadsheet/processed-file";
import { writeUsageTemplate } from "@/lib/server/spreadsheet/template";
import { copyStoredFileToTemp, getStoredFile, readStoredFile } from "@/lib/server/storage/stored-files";

/** A spreadsheet to send: a name, and how to write its bytes. */
export interface SpreadsheetDownload {
  fileName: string;
  contentType: string;
  write(out: NodeJS.WritableStream): Promise<void>;
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const fileNotFound = () => fail("not_found", "Usage file not found.");

/** The usage template of a product, for its vendor (and admins). */
export async function productTemplate(actor: Actor, productId: string): Promise<Result<SpreadsheetDownload>> {
  const product = await getProduct(actor, productId);
  if (!product) return fail("not_found", "Product not found.");
  const items = await listProductItems(actor, product.id);
  return ok({
    fileName: `${product.id}-usage-template.xlsx`,
    contentType: xlsxType,
    write: (out) => writeUsageTemplate({ product, items }, out),
  });
}

/** The template filled with one usage file's metadata (its `general` tab) and subscriptions (its `subscriptions` tab). */
export async function usageFileTemplate(actor: Actor, usageFileId: string): Promise<Result<SpreadsheetDownload>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fileNotFound();
  const db = await getDb();
  const [[product], [contract], items, subscriptions] = await Promise.all([
    db.select().from(products).where(eq(products.id, file.productId)),
    db.select().from(contracts).where(eq(contracts.id, file.contractId)),
    listUsageFileItems(actor, file.id),
    listSubscriptionsActiveIn(actor, { ...file, period: { from: file.periodFrom, to: file.periodTo } }),
  ]);
  const usageFile = { ...file, marketplace: contract!.marketplace, subscriptions };
  return ok({
    fileName: `${file.id}-template.xlsx`,
    contentType: xlsxType,
    write: (out) => writeUsageTemplate({ product: product!, items, usageFile }, out),
  });
}

/**
 * The spreadsheet as the vendor last uploaded it; once records were corrected in the browser, the
 * upload with those corrections written in, so that it matches the file's records.
 */
export async function uploadedSpreadsheet(actor: Actor, usageFileId: string): Promise<Result<SpreadsheetDownload>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fileNotFound();
  const db = await getDb();
  const stored = file.uploadedFileId ? await getStoredFile(db, file.uploadedFileId) : undefined;
  if (!stored) return fail("not_found", "Nothing has been uploaded to this usage file yet.");
  if (await hasCorrections(db, file)) return ok(processedDownload(db, file, stored, "corrected"));
  return ok({
    fileName: stored.fileName,
    contentType: stored.contentType,
    async write(out) {
      for await (const chunk of readStoredFile(db, stored.id)) {
        if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      }
      out.end();
    },
  });
}

/**
 * The uploaded spreadsheet with the vendor's corrections written in and each invalid cell marked
 * and explained (SPEC §4), for fixing in Excel and uploading again.
 */
export async function processedSpreadsheet(actor: Actor, usageFileId: string): Promise<Result<SpreadsheetDownload>> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return fileNotFound();
  const db = await getDb();
  const stored = file.uploadedFileId ? await getStoredFile(db, file.uploadedFileId) : undefined;
  if (!stored || (file.errorDetail?.kind !== "records" && !(await hasCorrections(db, file)))) {
    return fail("not_found", "There is no processed spreadsheet: this file has no invalid or corrected records.");
  }
  return ok(processedDownload(db, file, stored, "processed"));
}

function processedDownload(db: Database, file: UsageFileView, stored: StoredFile, suffix: string): SpreadsheetDownload {
  const baseName = stored.fileName.replace(/\.(xlsx|csv)$/i, "");
  return {
    fileName: `${baseName}-${suffix}.xlsx`,
    contentType: xlsxType,
    async write(out) {
      const temp = await copyStoredFileToTemp(db, stored.id, stored.fileName);
      try {
        await writeProcessedWorkbook(
          {
            sourcePath: temp.path,
            sourceKind: stored.contentType === xlsxType ? "xlsx" : "csv",
            errors: changedRecordsOf(file),
          },
          out,
        );
      } finally {
        await temp.remove();
      }
    },
  };
}

function changedRecords(file: CurrentGeneration): SQL {
  return and(currentRecordsOf(file), or(isNotNull(usageRecords.errors), isNotNull(usageRecords.correctedCells)))!;
}

/** Whether the vendor corrected records of the file's current upload in the browser. */
export async function hasCorrections(db: Database, file: UsageFileView): Promise<boolean> {
  const [corrected] = await db
    .select({ id: usageRecords.id })
    .from(usageRecords)
    .where(and(currentRecordsOf(file), isNotNull(usageRecords.correctedCells)))
    .limit(1);
  return corrected !== undefined;
}

/** The invalid and corrected records' errors and corrections in row order (ids follow it), a page at a time. */
async function* changedRecordsOf(file: CurrentGeneration): AsyncGenerator<RowErrors> {
  const db = await getDb();
  let after = 0;
  for (;;) {
    const page = await db
      .select({
        id: usageRecords.id,
        rowNumber: usageRecords.rowNumber,
        errors: usageRecords.errors,
        correctedCells: usageRecords.correctedCells,
      })
      .from(usageRecords)
      .where(and(changedRecords(file), gt(usageRecords.id, after)))
      .orderBy(asc(usageRecords.id))
      .limit(1000);
    for (const record of page) {
      const cells = (record.errors ?? []).map((e) => ({ column: e.column, message: e.message }));
      yield { rowNumber: record.rowNumber, cells, corrections: record.correctedCells ?? undefined };
    }
    if (page.length < 1000) return;
    after = page[page.length - 1]!.id;
  }
}
