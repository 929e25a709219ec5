import "server-only";
import { and, count, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { accounts, products, usageFiles, type UsageFile } from "@/db/schema";
import { canSeeInternalNote, usageFileScope, type Actor } from "@/lib/domain/permissions";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";

/** The WHERE clause that keeps an actor to the usage files it may see (SPEC §5). */
export function visibleUsageFiles(actor: Actor): SQL {
  const scope = usageFileScope(actor);
  const notDeleted = ne(usageFiles.status, "deleted");
  switch (scope.kind) {
    case "all":
      return notDeleted;
    case "vendor":
      return and(eq(usageFiles.vendorAccountId, scope.vendorAccountId), notDeleted)!;
    case "distributor":
      return and(
        eq(usageFiles.distributorAccountId, scope.distributorAccountId),
        inArray(usageFiles.status, [...scope.statuses]),
      )!;
  }
}

/** A usage file as the actor may see it: the internal note is blanked for others than its vendor. */
export type UsageFileView = Omit<UsageFile, "internalNote"> & {
  internalNote: string | null;
  productName: string;
  vendorName: string;
  distributorName: string;
};

const vendorAccount = alias(accounts, "vendor_account");
const distributorAccount = alias(accounts, "distributor_account");

function selectUsageFiles(db: Database, where: SQL) {
  return db
    .select({
      file: usageFiles,
      productName: products.name,
      vendorName: vendorAccount.name,
      distributorName: distributorAccount.name,
    })
    .from(usageFiles)
    .innerJoin(products, eq(products.id, usageFiles.productId))
    .innerJoin(vendorAccount, eq(vendorAccount.id, usageFiles.vendorAccountId))
    .innerJoin(distributorAccount, eq(distributorAccount.id, usageFiles.distributorAccountId))
    .where(where)
    .$dynamic();
}

type UsageFileRow = Awaited<ReturnType<typeof selectUsageFiles>>[number];

function toView(actor: Actor, { file, ...names }: UsageFileRow): UsageFileView {
  const view = { ...file, ...names };
  return canSeeInternalNote(actor, file) ? view : { ...view, internalNote: null };
}

export async function getUsageFile(actor: Actor, id: string): Promise<UsageFileView | null> {
  const db = await getDb();
  const [row] = await selectUsageFiles(db, and(eq(usageFiles.id, id), visibleUsageFiles(actor))!).limit(1);
  return row ? toView(actor, row) : null;
}

export async function listRecentUsageFiles(actor: Actor, limit = 20): Promise<UsageFileView[]> {
  const db = await getDb();
  const rows = await selectUsageFiles(db, visibleUsageFiles(actor))
    .orderBy(desc(usageFiles.updatedAt), desc(usageFiles.id))
    .limit(limit);
  return rows.map((row) => toView(actor, row));
}

export async function countUsageFilesByStatus(actor: Actor): Promise<Partial<Record<UsageFileStatus, number>>> {
  const db = await getDb();
  const rows = await db
    .select({ status: usageFiles.status, total: count() })
    .from(usageFiles)
    .where(visibleUsageFiles(actor))
    .groupBy(usageFiles.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.total]));
}
