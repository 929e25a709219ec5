import "server-only";
import { amendmentRoleOf, type AmendmentRole } from "@/lib/domain/usage-amendments";
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";
import { currentRecordsOf } from "@/db/record-partitions";
import {
  items,
  subscriptions,
  usageFileAnomalies,
  usageRecords,
  usageRecordWarnings,
  type UsageRecord,
} from "@/db/schema";
import { canAuthorUsageFile, type Actor } from "@/lib/domain/permissions";
import { parseUsageRecordPublicId, usageRecordPublicId } from "@/lib/domain/ids";
import { groupBy } from "@/lib/domain/group-by";
import type { RecordError } from "@/lib/domain/record-errors";
import type { RecordListPosition } from "@/lib/domain/record-list-cursor";
import type { Sort } from "@/lib/domain/table-query";
import {
  encodeRecordCursor,
  isFiltered,
  type RecordCursor,
  type UsageRecordFilters,
  type UsageRecordListQuery,
  type UsageRecordSortColumn,
} from "@/lib/domain/usage-record-query";
import {
  recordStatusOf,
  recordsWithStatus,
  type RecordStatusMatch,
  type UsageRecordStatus,
} from "@/lib/domain/usage-file-status";
import { describeWarning, type UsageWarning, type WarningCounterpart } from "@/lib/domain/usage-warnings";
import { cellsOfValidRecord } from "@/lib/domain/usage-disputes";
import { escapeLike } from "./like";
import { lastRejectionOf, reviewFilterOf } from "./usage-file-changes";
import {
  getUsageFile,
  listFilesWithRecords,
  listUsageFilesHoldingRecordIds,
  type RecordsFile,
  type UsageFileView,
} from "./usage-files";

/** A record as the grid shows it; `sheetCells` only to the file's vendor, for correcting it. */
export interface UsageRecordView {
  id: number;
  rowNumber: number;
  recordId: string;
  note: string | null;
  status: UsageRecordStatus;
  itemId: string | null;
  itemMpn: string | null;
  subscriptionId: string | null;
  subscriptionExternalId: string | null;
  quantity: string | null;
  startTime: Date | null;
  endTime: Date | null;
  amount: string | null;
  tier: number | null;
  categoryId: string | null;
  errors: RecordError[] | null;
  sheetCells: Record<string, string> | null;
  externalBillingId: string | null;
  externalBillingNote: string | null;
  warnings: UsageWarning[];
  /** In an amendment: the billed record this one replaces or reverses. */
  amendsRecordId: number | null;
  reversal: boolean;
  /** What it does to the billed records, in an amendment; null in any other file. */
  amendment: AmendmentRole | null;
}

export interface UsageRecordPage {
  rows: UsageRecordView[];
  /** The position (1-based) of the first row in the filtered order; null when the URL did not say. */
  start: number | null;
  /** Rows matching the filters; counted up to `countLimit`, past which it says "more than". */
  total: number;
  totalIsLowerBound: boolean;
  /** Cursors of the neighbouring pages, when there are such pages. */
  next: string | null;
  previous: string | null;
}

const countLimit = 10_000;

/** The record field each sortable grid column sorts on. */
const sortKeys = {
  // Ids follow the sheet's row order: sorting by row is sorting by id, which the primary key serves.
  row: "id",
  record_id: "recordId",
  item: "itemId",
  subscription: "subscriptionId",
  quantity: "quantity",
  start: "startTime",
  end: "endTime",
  amount: "amount",
  tier: "tier",
  category: "categoryId",
  note: "note",
} satisfies Record<UsageRecordSortColumn, keyof UsageRecord>;

function sortColumnOf(column: UsageRecordSortColumn): AnyPgColumn {
  return usageRecords[sortKeys[column]];
}

/**
 * One page of a file's current records for whoever may see the file (else null: not found),
 * filtered and sorted in SQL and paged by keyset, so a page deep in a million records costs what
 * the first one does.
 */
export async function listUsageRecords(
  actor: Actor,
  usageFileId: string,
  query: UsageRecordListQuery,
): Promise<{ file: UsageFileView; page: UsageRecordPage } | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const db = await getDb();
  const where = and(currentRecordsOf(file), ...(await filtersOf(db, file, query)))!;
  const [page, counted] = query.last
    ? await lastPage(db, file, where, query)
    : await Promise.all([selectPage(db, where, query), countRecords(db, file, where, query)]);
  return {
    file,
    page: {
      ...page,
      ...counted,
      rows: page.rows.map((row) => toView(actor, file, row)),
    },
  };
}

/** Where a window of records starts: `offset` rows in, or just past a record (`after`, then `offset` is 0). */
export interface RecordWindow {
  limit: number;
  offset: number;
  after?: RecordListPosition;
}

/**
 * A window of records, each named with its file, how many match (up to the counting limit), and
 * the place of its last record when more follow: where the next window starts.
 */
export interface UsageRecordWindow {
  rows: { usageFileId: string; record: UsageRecordView }[];
  total: number;
  totalIsLowerBound: boolean;
  next: RecordListPosition | null;
}

/**
 * The file's current records that match `filters`, in `sort` order, `window.limit` of them from
 * `window.offset` on or past `window.after`, with how many match (up to the counting limit): the
 * API's lists. Null when the actor may not see the file.
 */
export async function listUsageRecordWindow(
  actor: Actor,
  usageFileId: string,
  filters: UsageRecordFilters,
  sort: Sort<UsageRecordSortColumn>,
  window: RecordWindow,
): Promise<UsageRecordWindow | null> {
  const file = await getUsageFile(actor, usageFileId);
  if (!file) return null;
  const db = await getDb();
  const where = and(currentRecordsOf(file), ...(await filtersOf(db, file, filters)))!;
  const column = sortColumnOf(sort.column);
  const [rows, counted] = await Promise.all([
    selectPast(db, where, column, !sort.desc, window.after, window.limit + 1, window.offset),
    countRecords(db, file, where, filters),
  ]);
  return { ...windowOf(rows, window, sort.column, (row) => withFile(actor, file, row)), ...counted };
}

/**
 * The same across every usage file the actor may see, each file's current records: the API's list
 * without a file. Each record comes with its file, and has its status from that file.
 *
 * The files are read first, as a list: naming their partitions as constants lets PostgreSQL read
 * just those, in the order of their primary keys, where a join to usage_files would scan and sort
 * every record.
 */
export async function listVisibleUsageRecordWindow(
  actor: Actor,
  filters: UsageRecordFilters,
  sort: Sort<UsageRecordSortColumn>,
  window: RecordWindow,
): Promise<UsageRecordWindow> {
  const files = new Map((await listFilesWithRecords(actor)).map((file) => [file.id, file]));
  const db = await getDb();
  const where = and(
    recordsOfFilesWithStatus([...files.values()], filters.status),
    ...(await filtersOf(db, null, filters)),
  )!;
  const [rows, counted] = await Promise.all([
    sort.column === "row"
      ? selectRecords(
          db,
          and(where, window.after && pastInFileOrder(window.after, !sort.desc))!,
          orderByFile(!sort.desc),
          window.limit + 1,
          window.offset,
        )
      : selectPast(db, where, sortColumnOf(sort.column), !sort.desc, window.after, window.limit + 1, window.offset),
    countRecords(db, null, where, filters),
  ]);
  return {
    ...windowOf(rows, window, sort.column, (row) => withFile(actor, files.get(row.usageFileId)!, row)),
    ...counted,
  };
}

/** The window's rows (read one past its limit, to tell whether more follow) and where the next one starts. */
function windowOf<Row>(
  rows: PageRow[],
  window: RecordWindow,
  column: UsageRecordSortColumn,
  view: (row: PageRow) => Row,
): { rows: Row[]; next: RecordListPosition | null } {
  const page = rows.slice(0, window.limit);
  const last = page.at(-1);
  return { rows: page.map(view), next: rows.length > window.limit && last ? recordListPosition(last, column) : null };
}

/** The place of `record` in a list of records ordered by `column`: the next page starts past it. */
export function recordListPosition(record: UsageRecord, column: UsageRecordSortColumn): RecordListPosition {
  return {
    usageFileId: record.usageFileId,
    generation: record.generation,
    id: record.id,
    value: sortValueOf(record, column),
  };
}

function withFile(actor: Actor, file: RecordsFile, row: PageRow) {
  return { usageFileId: file.id, record: toView(actor, file, row) };
}

/** One current record (`UR-…`) of a file the actor may see, else null. */
export async function getUsageRecord(
  actor: Actor,
  publicId: string,
): Promise<{ file: UsageFileView; record: UsageRecordView } | null> {
  const id = parseUsageRecordPublicId(publicId);
  if (id === null) return null;
  const db = await getDb();
  for (const file of await listUsageFilesHoldingRecordIds(actor, [id])) {
    const [row] = await selectRecords(db, and(currentRecordsOf(file), eq(usageRecords.id, id))!, [], 1);
    if (row) return { file, record: toView(actor, file, row) };
  }
  return null;
}

/** The file a record (`UR-…`) belongs to, when the actor may see that file; null for an unknown or malformed id. */
export async function fileOfRecord(actor: Actor, publicId: string): Promise<UsageFileView | null> {
  const id = parseUsageRecordPublicId(publicId);
  if (id === null) return null;
  return (await filesOfRecords(actor, [id])).get(id) ?? null;
}

/**
 * The file each record (by id) belongs to, among the files the actor may see; an id of no such
 * file's current records is left out. Only the partitions of the files whose id range holds one of
 * the ids are read, each through its primary key, never the whole table.
 */
export async function filesOfRecords(actor: Actor, ids: readonly number[]): Promise<Map<number, UsageFileView>> {
  const db = await getDb();
  const files = new Map<number, UsageFileView>();
  for (const file of await listUsageFilesHoldingRecordIds(actor, ids)) {
    const found = await db
      .select({ id: usageRecords.id })
      .from(usageRecords)
      .where(and(currentRecordsOf(file), sql`${usageRecords.id} = ANY(${`{${ids.join(",")}}`}::bigint[])`));
    for (const { id } of found) files.set(id, file);
  }
  return files;
}

type PageRow = UsageRecord & {
  itemMpn: string | null;
  subscriptionExternalId: string | null;
  warnings: WarningCounterpart[] | null;
};

/** The warnings stored for the record of this row (lib/server/usage-files/usage-warnings.ts). */
const warningsOfRecord = sql.raw(`usage_record_warnings.usage_file_id = usage_records.usage_file_id
  AND usage_record_warnings.generation = usage_records.generation
  AND usage_record_warnings.usage_record_id = usage_records.id`);

/** The record's subscription × item is anomalous in its file (lib/server/usage-files/usage-anomalies.ts). */
const ofAnomalousPair = sql`EXISTS (SELECT 1 FROM ${usageFileAnomalies} a
  WHERE a.usage_file_id = ${usageRecords.usageFileId} AND a.generation = ${usageRecords.generation}
    AND a.subscription_id = ${usageRecords.subscriptionId} AND a.item_id = ${usageRecords.itemId})`;

/** A page's warnings, one primary-key lookup per row. */
const recordWarnings = sql<WarningCounterpart[] | null>`(
  SELECT jsonb_agg(jsonb_build_object(
    'code', code, 'otherFileId', other_file_id, 'otherRecordId', other_record_id, 'otherRecordKey', other_record_key
  ) ORDER BY code)
  FROM ${usageRecordWarnings} WHERE ${warningsOfRecord})`;

/**
 * The last page, read backwards from the end of the order: as many rows as the full pages before
 * it leave, so that its rows line up with the pages reached by paging forward. Needs the exact
 * total; past the counting limit it is the first page.
 */
async function lastPage(db: Database, file: UsageFileView, where: SQL, query: UsageRecordListQuery) {
  const counted = await countRecords(db, file, where, query);
  if (counted.totalIsLowerBound) return [await selectPage(db, where, { ...query, last: false }), counted] as const;
  const size = counted.total % query.size || query.size;
  const page = await selectPage(db, where, { ...query, size, last: true });
  return [{ ...page, start: counted.total - page.rows.length + 1 }, counted] as const;
}

/**
 * One page in keyset order. The order is PostgreSQL's own for `ORDER BY column, id` ascending or
 * descending, where an empty value counts as the greatest, so one index on (column, id) serves
 * every sort and direction. Reading backwards from `before` walks the order in reverse, then turns
 * the page around.
 */
async function selectPage(db: Database, where: SQL, query: UsageRecordListQuery) {
  const backwards = Boolean(query.before) || query.last;
  const cursor = query.before ?? query.after;
  const up = query.sort.desc === backwards;
  const rows = await selectPast(db, where, sortColumnOf(query.sort.column), up, cursor, query.size + 1);
  const hasMore = rows.length > query.size;
  const page = rows.slice(0, query.size);
  if (backwards) page.reverse();
  const cursorOf = (row: PageRow | undefined) => (row ? recordCursor(row, query.sort.column) : null);
  return {
    rows: page,
    start: startOf(query, page.length),
    next: !query.last && (backwards || hasMore) ? cursorOf(page.at(-1)) : null,
    previous: (backwards ? hasMore : Boolean(query.after)) ? cursorOf(page[0]) : null,
  };
}

/**
 * Up to `limit` rows in (column, id) order, going up or down, from just past `cursor`, else from
 * `offset` rows in: each run of `runsPast` in turn until the rows are enough.
 */
async function selectPast(
  db: Database,
  where: SQL,
  column: AnyPgColumn,
  up: boolean,
  cursor: RecordCursor | undefined,
  limit: number,
  offset = 0,
): Promise<PageRow[]> {
  const runs = cursor ? runsPast(column, cursor, up) : [undefined];
  const rows: PageRow[] = [];
  for (const run of runs) {
    rows.push(...(await selectRecords(db, and(where, run)!, orderOf(column, up), limit - rows.length, offset)));
    if (rows.length >= limit) break;
  }
  return rows;
}

/** Where a page starts: just past the `after` row, or as many rows before the `before` row as were read. */
function startOf(query: UsageRecordListQuery, rows: number): number | null {
  if (!query.after && !query.before) return 1;
  if (query.at === undefined) return null;
  return query.after ? query.at + 1 : Math.max(1, query.at - rows);
}

function selectRecords(db: Database, where: SQL, order: SQL[], limit: number, offset = 0): Promise<PageRow[]> {
  return db
    .select({
      ...getTableColumns(usageRecords),
      itemMpn: items.mpn,
      subscriptionExternalId: subscriptions.externalId,
      warnings: recordWarnings,
    })
    .from(usageRecords)
    .leftJoin(items, eq(items.id, usageRecords.itemId))
    .leftJoin(subscriptions, eq(subscriptions.id, usageRecords.subscriptionId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

/**
 * Across files, the row order is each file's rows, file after file: the order of every partition's
 * primary key, which PostgreSQL merges without sorting the records. Other columns merge the
 * partitions' (column, id) indexes, like one file's.
 */
function orderByFile(up: boolean): SQL[] {
  const direction = up ? asc : desc;
  return [direction(usageRecords.usageFileId), direction(usageRecords.generation), direction(usageRecords.id)];
}

/** The records past `position` in that order: one range of each partition's primary key. */
function pastInFileOrder(position: RecordListPosition, up: boolean): SQL {
  const key = sql`(${usageRecords.usageFileId}, ${usageRecords.generation}, ${usageRecords.id})`;
  return sql`${key} ${up ? sql`>` : sql`<`} (${position.usageFileId}, ${position.generation}::integer, ${position.id}::bigint)`;
}

/** Going up is ascending order; an empty value sorts after every value going up. */
function orderOf(column: AnyPgColumn, up: boolean): SQL[] {
  return up ? [asc(column), asc(usageRecords.id)] : [desc(column), desc(usageRecords.id)];
}

/**
 * The rows past `cursor`, as the runs they fall in, in reading order: values and empty values
 * apart, so that each run is one range of the (column, id) index.
 */
function runsPast(column: AnyPgColumn, cursor: RecordCursor, up: boolean): SQL[] {
  const idPast = up ? gt(usageRecords.id, cursor.id) : lt(usageRecords.id, cursor.id);
  if (cursor.value === null) {
    const emptiesPast = and(isNull(column), idPast)!;
    return up ? [emptiesPast] : [emptiesPast, isNotNull(column)];
  }
  const value = sql`${cursor.value}::${sql.raw(column.getSQLType())}`;
  const valuesPast = sql`(${column}, ${usageRecords.id}) ${up ? sql`>` : sql`<`} (${value}, ${cursor.id}::bigint)`;
  return up ? [valuesPast, isNull(column)] : [valuesPast];
}

/** The position just past `record` in the grid's order by `column`: an `after` or `before` value. */
export function recordCursor(record: UsageRecord, column: UsageRecordSortColumn): string {
  return encodeRecordCursor({ id: record.id, value: sortValueOf(record, column) });
}

/** The record's value in the sorted column, as a cursor holds it: text, null when empty. */
function sortValueOf(record: UsageRecord, column: UsageRecordSortColumn): string | null {
  const value = record[sortKeys[column]];
  return value === null ? null : value instanceof Date ? value.toISOString() : String(value);
}

/**
 * The filters as SQL over records. With a file, its lookups keep to the file's product and contract,
 * and the status filter follows the file's status; without, the lookups span every file, and the
 * status is the caller's to filter by, file by file (`recordsOfFilesWithStatus`).
 */
async function filtersOf(db: Database, file: UsageFileView | null, query: UsageRecordFilters): Promise<SQL[]> {
  const filters: SQL[] = [];
  if (query.invalid) filters.push(isNotNull(usageRecords.errors));
  if (query.warning) {
    filters.push(
      sql`EXISTS (SELECT 1 FROM ${usageRecordWarnings} WHERE ${warningsOfRecord} AND ${usageRecordWarnings.code} = ${query.warning})`,
    );
  }
  if (query.anomalies) filters.push(ofAnomalousPair);
  if (query.review && file) filters.push(reviewFilterOf(await lastRejectionOf(db, file.id), query.review));
  if (query.status && file) filters.push(statusFilter(file, query.status));
  if (query.item) filters.push(eq(usageRecords.itemId, query.item));
  if (query.mpn) filters.push(inIds(usageRecords.itemId, await itemIdsWithMpn(db, file, query.mpn)));
  if (query.subscription) {
    filters.push(inIds(usageRecords.subscriptionId, await subscriptionIdsMatching(db, file, eq, query.subscription)));
  }
  if (query.from) filters.push(gte(usageRecords.startTime, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) filters.push(lt(usageRecords.startTime, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)));
  if (query.minQuantity) filters.push(gte(usageRecords.quantity, query.minQuantity));
  if (query.maxQuantity) filters.push(lte(usageRecords.quantity, query.maxQuantity));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(
      or(
        ilike(usageRecords.recordId, pattern),
        ilike(usageRecords.note, pattern),
        inIds(usageRecords.subscriptionId, await subscriptionIdsMatching(db, file, ilike, pattern)),
      )!,
    );
  }
  return filters;
}

/**
 * The ids of the subscriptions (the file's, when there is one) whose id, external id or external
 * uid matches. Read first, as a list: as a subquery the planner guesses it matches half the
 * records and scans them all.
 */
async function subscriptionIdsMatching(
  db: Database,
  file: UsageFileView | null,
  compare: (column: AnyPgColumn, value: string) => SQL,
  value: string,
): Promise<string[]> {
  const matching = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(
      and(
        file ? eq(subscriptions.productId, file.productId) : undefined,
        file ? eq(subscriptions.contractId, file.contractId) : undefined,
        or(
          compare(subscriptions.id, value),
          compare(subscriptions.externalId, value),
          compare(subscriptions.externalUid, value),
        ),
      ),
    );
  return matching.map((subscription) => subscription.id);
}

/** The ids of the items (of the file's product, when there is a file) with this MPN. */
async function itemIdsWithMpn(db: Database, file: UsageFileView | null, mpn: string): Promise<string[]> {
  const matching = await db
    .select({ id: items.id })
    .from(items)
    .where(and(file ? eq(items.productId, file.productId) : undefined, eq(items.mpn, mpn)));
  return matching.map((item) => item.id);
}

function inIds(column: AnyPgColumn, ids: string[]): SQL {
  return ids.length > 0 ? inArray(column, ids) : sql`false`;
}

function statusFilter(file: RecordsFile, wanted: UsageRecordStatus): SQL {
  return recordsMatching(matchOf(file, wanted));
}

function matchOf(file: RecordsFile, wanted: UsageRecordStatus): RecordStatusMatch {
  return recordsWithStatus({ status: file.status, allClosed: allClosed(file) }, wanted);
}

/**
 * The current records of `files`, and of those only the ones with the `wanted` status: each file
 * by the same rule as one file's status filter, files that pick the same records together.
 */
function recordsOfFilesWithStatus(files: readonly RecordsFile[], wanted: UsageRecordStatus | undefined): SQL {
  if (!wanted) return recordsOfFiles(files);
  const byMatch = groupBy(files, (file) => matchOf(file, wanted));
  byMatch.delete("none");
  return orNone([...byMatch].map(([match, group]) => and(recordsOfFiles(group), recordsMatching(match))!));
}

function recordsOfFiles(files: readonly RecordsFile[]): SQL {
  return orNone(files.map(currentRecordsOf));
}

function orNone(conditions: SQL[]): SQL {
  return conditions.length > 0 ? or(...conditions)! : sql`false`;
}

function recordsMatching(match: RecordStatusMatch): SQL {
  switch (match) {
    case "none":
      return sql`false`;
    case "with_errors":
      return isNotNull(usageRecords.errors);
    case "valid":
      return isNull(usageRecords.errors);
    case "closed_alone":
      return and(isNull(usageRecords.errors), isNotNull(usageRecords.closedAt))!;
    case "open":
      return and(isNull(usageRecords.errors), isNull(usageRecords.closedAt))!;
  }
}

/** A closed file's records are all closed, and so are those of a file closed with one billing id. */
function allClosed(file: RecordsFile): boolean {
  return file.status === "closed" || file.billingId !== null;
}

/** A file's unfiltered total is its stored count; any other is counted, up to a limit. */
async function countRecords(db: Database, file: UsageFileView | null, where: SQL, query: UsageRecordFilters) {
  if (file && !isFiltered(query) && file.stats) return { total: file.stats.records, totalIsLowerBound: false };
  const limited = db
    .select({ one: sql`1` })
    .from(usageRecords)
    .where(where)
    .limit(countLimit + 1)
    .as("limited");
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(limited);
  const total = row?.total ?? 0;
  return { total: Math.min(total, countLimit), totalIsLowerBound: total > countLimit };
}

/** A valid record of a Rejected file is corrected from cells rebuilt from its values (issue 21). */
function revisableCells(file: RecordsFile, row: PageRow): Record<string, string> | null {
  if (file.status !== "rejected" || row.errors !== null || row.itemMpn === null) return null;
  return cellsOfValidRecord({ ...row, itemMpn: row.itemMpn });
}

function toView(actor: Actor, file: RecordsFile, row: PageRow): UsageRecordView {
  return {
    id: row.id,
    rowNumber: row.rowNumber,
    recordId: row.recordId,
    note: row.note,
    status: recordStatusOf(file.status, {
      hasErrors: row.errors !== null,
      closed: row.closedAt !== null || allClosed(file),
    }),
    itemId: row.itemId,
    itemMpn: row.itemMpn,
    subscriptionId: row.subscriptionId,
    subscriptionExternalId: row.subscriptionExternalId,
    quantity: row.quantity,
    startTime: row.startTime,
    endTime: row.endTime,
    amount: row.amount,
    tier: row.tier,
    categoryId: row.categoryId,
    errors: row.errors,
    sheetCells: canAuthorUsageFile(actor, file) ? (row.sheetCells ?? revisableCells(file, row)) : null,
    // A record closed on its own has its own reference; the others, their file's "close all remaining" one.
    externalBillingId: row.closedAt ? row.externalBillingId : file.billingId,
    externalBillingNote: row.closedAt ? row.externalBillingNote : file.billingNote,
    warnings: (row.warnings ?? []).map(describeWarning),
    amendsRecordId: row.amendsRecordId,
    reversal: row.reversal,
    amendment: row.errors === null ? amendmentRoleOf(file, row) : null,
  };
}

/**
 * The ids (`UR-…`) of a file's records that match `filters`, in row order, at most `limit`; null
 * when the actor may not see the file, `tooMany` when more match.
 */
export async function matchingRecordIds(
  actor: Actor,
  usageFileId: string,
  filters: UsageRecordFilters,
  limit: number,
): Promise<{ ids: string[]; tooMany: boolean } | null> {
  const window = await listUsageRecordWindow(
    actor,
    usageFileId,
    filters,
    { column: "row", desc: false },
    { limit: limit + 1, offset: 0 },
  );
  if (!window) return null;
  const ids = window.rows.map((row) => usageRecordPublicId(row.record.id));
  return { ids: ids.slice(0, limit), tooMany: ids.length > limit };
}
