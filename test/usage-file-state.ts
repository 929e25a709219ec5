import { and, asc, count, eq, sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { recordPartitionName } from "@/db/record-partitions";
import { categories, storedFiles, usageFiles, usageRecords } from "@/db/schema";
import type { UsageSchema } from "@/lib/domain/catalog";
import { processUsageFile } from "@/lib/server/usage-files/process-usage-file";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";
import { acmeVendor, uploadOf } from "./usage-workbooks";

// What the ingest tests read back: a usage file as its vendor sees it, straight from the database.

export async function usageFileRow(db: Database, id: string) {
  const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, id));
  if (!file) throw new Error(`No usage file ${id}`);
  return file;
}

/** The records the file shows: those of its current generation, in sheet order. */
export async function visibleRecords(db: Database, id: string) {
  const { generation } = await usageFileRow(db, id);
  return db
    .select()
    .from(usageRecords)
    .where(and(eq(usageRecords.usageFileId, id), eq(usageRecords.generation, generation)))
    .orderBy(asc(usageRecords.rowNumber));
}

export async function visibleCategories(db: Database, id: string) {
  const { generation } = await usageFileRow(db, id);
  return db
    .select({ categoryId: categories.categoryId, name: categories.name, description: categories.description })
    .from(categories)
    .where(and(eq(categories.usageFileId, id), eq(categories.generation, generation)))
    .orderBy(asc(categories.categoryId));
}

/**
 * How many record and category rows the file has per generation, visible or not: after any
 * outcome only the visible generation may be left, so a stray attempt shows up here. Records are
 * counted per partition table (db/record-partitions.ts), so that a table an attempt loaded but
 * never attached counts too, even empty.
 */
export async function rowsByGeneration(db: Database, id: string) {
  const records: Record<number, number> = {};
  for (const { generation, table } of await recordTables(db, id)) {
    const [counted] = await selectRows<{ rows: number | string }>(
      db,
      sql`SELECT count(*) AS rows FROM ${sql.identifier(table)}`,
    );
    records[generation] = Number(counted?.rows);
  }
  const categoryCounts = await db
    .select({ generation: categories.generation, rows: count() })
    .from(categories)
    .where(eq(categories.usageFileId, id))
    .groupBy(categories.generation);
  return { records, categories: Object.fromEntries(categoryCounts.map(({ generation, rows }) => [generation, rows])) };
}

async function recordTables(db: Database, id: string) {
  const prefix = recordPartitionName(id, 0).replace(/0$/, "");
  const tables = await selectRows<{ tablename: string }>(
    db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, ${prefix})`,
  );
  return tables.map(({ tablename }) => ({ generation: Number(tablename.slice(prefix.length)), table: tablename }));
}

export async function storedUploadCount(db: Database, id: string): Promise<number> {
  const [row] = await db
    .select({ files: count() })
    .from(storedFiles)
    .where(and(eq(storedFiles.usageFileId, id), eq(storedFiles.purpose, "uploaded")));
  return row?.files ?? 0;
}

/** Uploads as the Acme vendor and runs the processing job in this process, as the worker would. */
export async function uploadAndProcess(db: Database, id: string, fileName: string, content: Buffer | string) {
  const uploaded = await uploadUsageFile(acmeVendor, id, uploadOf(fileName, content));
  if (!uploaded.ok) throw new Error(`Upload of ${fileName} refused: ${uploaded.message}`);
  await processUsageFile(id);
  return usageFileRow(db, id);
}

/** Moves a seeded file to another period, for workbooks whose dates are fixed. */
export async function setFilePeriod(db: Database, id: string, from: string, to: string): Promise<void> {
  await db
    .update(usageFiles)
    .set({ periodFrom: new Date(from), periodTo: new Date(to) })
    .where(eq(usageFiles.id, id));
}

export interface DraftFile {
  id: string;
  productId: string;
  usageSchema: UsageSchema;
  currency: string;
  periodFrom: Date;
  periodTo: Date;
}

/** A Draft usage file of the Acme vendor on the Northwind contract, as the vendor would create it. */
export async function insertDraftFile(db: Database, file: DraftFile): Promise<void> {
  await db.insert(usageFiles).values({
    ...file,
    name: `Draft ${file.id}`,
    contractId: "CRD-00001",
    vendorAccountId: acmeVendor.accountId,
    distributorAccountId: "ACC-0004",
    createdBy: acmeVendor.userId,
  });
}

/** A new Draft of the Acme vendor on the Northwind contract, through the use case (with its notification). */
export async function createAcmeFile(name: string): Promise<string> {
  const created = await createUsageFile(acmeVendor, {
    productId: "PRD-100-001",
    contractId: "CRD-00001",
    name,
    description: "",
    externalId: null,
    currency: "USD",
    period: { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") },
  });
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}
