import "server-only";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNotNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { accounts, products, usageFiles, type UsageFile } from "@/db/schema";
import { canSeeInternalNote, usageFileScope, type Actor, type UsageFileScope } from "@/lib/domain/permissions";
import type { UsageFileListQuery, UsageFileSortColumn } from "@/lib/domain/usage-file-query";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { monthPeriod } from "@/lib/domain/usage-file-input";
import { escapeLike } from "./like";

/** The WHERE clause that keeps an actor to the usage files it may see (SPEC §5). */
export function visibleUsageFiles(actor: Actor): SQL {
  const scope = usageFileScope(actor);
  return and(accountOf(scope), inArray(usageFiles.status, [...scope.statuses]))!;
}

function accountOf(scope: UsageFileScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "vendor":
      return eq(usageFiles.vendorAccountId, scope.vendorAccountId);
    case "distributor":
      return eq(usageFiles.distributorAccountId, scope.distributorAccountId);
  }
}

/**
 * A usage file as the actor may see it: the internal note is blanked for others than its vendor;
 * its record id range, bookkeeping for finding records, is left out.
 */
export type UsageFileView = Omit<UsageFile, "internalNote" | "firstRecordId" | "lastRecordId"> & {
  internalNote: string | null;
  productName: string;
  vendorName: string;
  distributorName: string;
};

const vendorAccount = alias(accounts, "vendor_account");
const distributorAccount = alias(accounts, "distributor_account");

/** Every column of a file but its record id range, bookkeeping for finding records by id. */
const shownColumns = Object.fromEntries(
  Object.entries(getTableColumns(usageFiles)).filter(([key]) => key !== "firstRecordId" && key !== "lastRecordId"),
) as Omit<(typeof usageFiles)["_"]["columns"], "firstRecordId" | "lastRecordId">;

function selectUsageFiles(db: Database, where: SQL) {
  return db
    .select({
      file: shownColumns,
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

/** A file as its vendor sees it, read inside the caller's transaction: what a notification about it carries. */
export async function usageFileSnapshot(tx: Database, id: string): Promise<UsageFileView> {
  const [row] = await selectUsageFiles(tx, eq(usageFiles.id, id)).limit(1);
  if (!row) throw new Error(`Usage file ${id} not found`);
  const { file, ...names } = row;
  return { ...file, ...names };
}

export async function listRecentUsageFiles(actor: Actor, limit = 20): Promise<UsageFileView[]> {
  return listUsageFilesWhere(actor, undefined, [desc(usageFiles.updatedAt), desc(usageFiles.id)], limit);
}

/** Of the files the actor may see, those `filter` picks, in `order`. */
export async function listUsageFilesWhere(
  actor: Actor,
  filter: SQL | undefined,
  order: SQL[],
  limit: number,
): Promise<UsageFileView[]> {
  const db = await getDb();
  const rows = await selectUsageFiles(db, and(visibleUsageFiles(actor), filter)!)
    .orderBy(...order)
    .limit(limit);
  return rows.map((row) => toView(actor, row));
}

/** The original a file belongs to and its amendments, as far as the actor may see them, oldest first. */
export function listAmendmentChain(
  actor: Actor,
  file: { id: string; amends: string | null },
): Promise<UsageFileView[]> {
  const original = file.amends ?? file.id;
  return listUsageFilesWhere(
    actor,
    or(eq(usageFiles.id, original), eq(usageFiles.amends, original)),
    [asc(usageFiles.createdAt), asc(usageFiles.id)],
    amendmentChainLimit,
  );
}

/** More amendments of one file than any page lists; the chain shows this many. */
const amendmentChainLimit = 200;

/** What the status and the shown cells of a file's records depend on, for reading many files' records at once. */
export type RecordsFile = Pick<
  UsageFile,
  "id" | "generation" | "status" | "billingId" | "billingNote" | "vendorAccountId" | "amends"
>;

/** The files the actor may see that have current records. */
export async function listFilesWithRecords(actor: Actor): Promise<RecordsFile[]> {
  const db = await getDb();
  return db
    .select({
      id: usageFiles.id,
      generation: usageFiles.generation,
      status: usageFiles.status,
      billingId: usageFiles.billingId,
      billingNote: usageFiles.billingNote,
      vendorAccountId: usageFiles.vendorAccountId,
      amends: usageFiles.amends,
    })
    .from(usageFiles)
    .where(and(visibleUsageFiles(actor), isNotNull(usageFiles.firstRecordId)))
    .orderBy(asc(usageFiles.id));
}

/**
 * The files the actor may see whose current records' id range holds one of `recordIds`: the only
 * files that may have those records. A bound, not an answer: ids of uploads processed at the same
 * time interleave, so a range may hold another file's ids too.
 */
export async function listUsageFilesHoldingRecordIds(
  actor: Actor,
  recordIds: readonly number[],
): Promise<UsageFileView[]> {
  if (recordIds.length === 0) return [];
  const db = await getDb();
  // The expression and the IS NOT NULL are those of usage_files_record_ids_idx (db/schema.ts), so the index serves it.
  const holds = sql`int8range(${usageFiles.firstRecordId}, ${usageFiles.lastRecordId}, '[]') @> ANY(${`{${recordIds.join(",")}}`}::bigint[])`;
  const rows = await selectUsageFiles(
    db,
    and(visibleUsageFiles(actor), isNotNull(usageFiles.firstRecordId), holds)!,
  ).orderBy(asc(usageFiles.id));
  return rows.map((row) => toView(actor, row));
}

/** The actor's files in any of `statuses`, the most recently changed first. */
export async function listUsageFilesInStatus(
  actor: Actor,
  statuses: readonly UsageFileStatus[],
  limit = 20,
): Promise<UsageFileView[]> {
  const db = await getDb();
  const rows = await selectUsageFiles(db, and(visibleUsageFiles(actor), inArray(usageFiles.status, [...statuses]))!)
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

const sortableColumns = {
  name: usageFiles.name,
  id: usageFiles.id,
  product: products.name,
  period: usageFiles.periodFrom,
  status: usageFiles.status,
  updated: usageFiles.updatedAt,
} satisfies Record<UsageFileSortColumn, unknown>;

/** What narrows and orders a list of files; the page's URL and the API's query both give it. */
export type UsageFileFilters = Pick<
  Partial<UsageFileListQuery>,
  "status" | "product" | "contract" | "externalId" | "period" | "q"
> &
  Pick<UsageFileListQuery, "sort">;

function listFilters(query: UsageFileFilters): SQL[] {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(usageFiles.status, query.status));
  if (query.product) filters.push(eq(usageFiles.productId, query.product));
  if (query.contract) filters.push(eq(usageFiles.contractId, query.contract));
  if (query.externalId) filters.push(eq(usageFiles.externalId, query.externalId));
  if (query.period) {
    const { from, to } = monthPeriod(query.period);
    filters.push(gte(usageFiles.periodFrom, from), lt(usageFiles.periodFrom, to));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(
      or(ilike(usageFiles.name, pattern), ilike(usageFiles.id, pattern), ilike(usageFiles.externalId, pattern))!,
    );
  }
  return filters;
}

/** One page of the files an actor may see, filtered and sorted in SQL, with the total for the pager. */
export function listUsageFiles(
  actor: Actor,
  query: UsageFileListQuery,
): Promise<{ rows: UsageFileView[]; total: number }> {
  return listUsageFileWindow(actor, query, { limit: query.size, offset: (query.page - 1) * query.size });
}

/** The files the actor may see that match `query`, `window.limit` of them from `window.offset` on, and how many match. */
export async function listUsageFileWindow(
  actor: Actor,
  query: UsageFileFilters,
  window: { limit: number; offset: number },
): Promise<{ rows: UsageFileView[]; total: number }> {
  const db = await getDb();
  const where = and(visibleUsageFiles(actor), ...listFilters(query))!;
  const column = sortableColumns[query.sort.column];
  const [rows, [counted]] = await Promise.all([
    selectUsageFiles(db, where)
      .orderBy(query.sort.desc ? desc(column) : asc(column), asc(usageFiles.id))
      .limit(window.limit)
      .offset(window.offset),
    db
      .select({ total: count() })
      .from(usageFiles)
      .innerJoin(products, eq(products.id, usageFiles.productId))
      .where(where),
  ]);
  return { rows: rows.map((row) => toView(actor, row)), total: counted?.total ?? 0 };
}
