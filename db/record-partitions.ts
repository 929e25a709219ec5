import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { selectRows, type Database } from "./client";
import { usageRecords } from "./schema";

/**
 * Each upload's records live in a partition of usage_records of their own, keyed by
 * (usage_file_id, generation). Loading into a bare table and indexing it afterwards is several
 * times faster than COPY into indexed rows, and replacing an upload drops a table instead of
 * deleting a million rows. Until it is attached, a partition is invisible to every query.
 */
/** A file's current generation: the records it shows, all in one partition of usage_records. */
export interface CurrentGeneration {
  id: string;
  generation: number;
}

/** The WHERE clause of a file's current records; PostgreSQL reads its one partition only. */
export function currentRecordsOf(file: CurrentGeneration): SQL {
  return and(eq(usageRecords.usageFileId, file.id), eq(usageRecords.generation, file.generation))!;
}

export function recordPartitionName(usageFileId: string, generation: number): string {
  return `usage_records_${usageFileId.toLowerCase().replace(/[^a-z0-9]/g, "_")}_g${generation}`;
}

/** A bare, unindexed table shaped like usage_records, ready for COPY; a leftover of the same name is replaced. */
export async function createRecordPartition(db: Database, usageFileId: string, generation: number): Promise<string> {
  const table = sql.identifier(recordPartitionName(usageFileId, generation));
  await db.execute(sql`DROP TABLE IF EXISTS ${table}`);
  await db.execute(sql`CREATE TABLE ${table} (LIKE usage_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
  return recordPartitionName(usageFileId, generation);
}

/**
 * Indexes the loaded partition in bulk (the same indexes as usage_records, which ATTACH then
 * adopts instead of building) and attaches it. The two indexes are built at once: on PostgreSQL
 * they run on two connections. The CHECK lets ATTACH skip scanning the rows.
 */
export async function attachRecordPartition(db: Database, usageFileId: string, generation: number): Promise<void> {
  const name = recordPartitionName(usageFileId, generation);
  await keyRecordPartition(db, name, usageFileId, generation);
  await attachAs(db, name, usageFileId, generation);
}

async function keyRecordPartition(db: Database, name: string, usageFileId: string, generation: number) {
  const table = sql.identifier(name);
  const primaryKey = sql.identifier(`${name}_pkey`);
  await Promise.all([
    db.execute(sql`CREATE UNIQUE INDEX ${primaryKey} ON ${table} (usage_file_id, generation, id)`),
    db.execute(
      sql`CREATE UNIQUE INDEX ON ${table} (usage_file_id, generation, record_id COLLATE "C") WHERE errors IS NULL AND NOT reversal`,
    ),
  ]);
  await db.execute(sql`ALTER TABLE ${table} ADD PRIMARY KEY USING INDEX ${primaryKey}`);
  await db.execute(
    sql`ALTER TABLE ${table} ADD CONSTRAINT ${sql.identifier(`${name}_key`)} CHECK (usage_file_id = ${sql.raw(literal(usageFileId))} AND generation = ${sql.raw(String(generation))})`,
  );
}

async function attachAs(db: Database, name: string, usageFileId: string, generation: number) {
  const file = sql.raw(literal(usageFileId));
  await db.execute(
    sql`ALTER TABLE usage_records ATTACH PARTITION ${sql.identifier(name)} FOR VALUES FROM (${file}, ${sql.raw(String(generation))}) TO (${file}, ${sql.raw(String(generation + 1))})`,
  );
}

/** Until the transaction ends, the partition's rows may be read but not written by anyone else. */
export async function holdRecordPartition(tx: Database, usageFileId: string, generation: number): Promise<void> {
  await tx.execute(
    sql`LOCK TABLE ${sql.identifier(recordPartitionName(usageFileId, generation))} IN SHARE ROW EXCLUSIVE MODE`,
  );
}

/**
 * Rewrites a visible partition inside the caller's transaction, for changes to most of its rows:
 * writing a bare copy and keying it is many times faster than updating the rows in place, where
 * every row moves and each of the grid's indexes takes a new entry. `fill` loads the copy; it is
 * swapped in at the very end, so usage_records is locked only for the swap. Meanwhile readers see
 * the old rows and writers of the partition wait. The copy has no grid indexes yet: index it
 * again (the index job) once committed.
 */
export async function rewriteRecordPartition(
  tx: Database,
  usageFileId: string,
  generation: number,
  fill: (copy: SQL) => Promise<void>,
): Promise<void> {
  const name = recordPartitionName(usageFileId, generation);
  const copyName = `${name}_next`;
  const copy = sql.identifier(copyName);
  await holdRecordPartition(tx, usageFileId, generation);
  await tx.execute(sql`CREATE TABLE ${copy} (LIKE usage_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
  await fill(sql`${copy}`);
  await keyRecordPartition(tx, copyName, usageFileId, generation);
  await tx.execute(sql`DROP TABLE ${sql.identifier(name)}`);
  await tx.execute(sql`ALTER TABLE ${copy} RENAME TO ${sql.identifier(name)}`);
  await tx.execute(sql`ALTER INDEX ${sql.identifier(`${copyName}_pkey`)} RENAME TO ${sql.identifier(`${name}_pkey`)}`);
  await tx.execute(
    sql`ALTER TABLE ${sql.identifier(name)} RENAME CONSTRAINT ${sql.identifier(`${copyName}_key`)} TO ${sql.identifier(`${name}_key`)}`,
  );
  await attachAs(tx, name, usageFileId, generation);
}

/**
 * The least and greatest id of a generation's records, as `usage_files` keeps them for finding a
 * record by id; both null when it has none. Two ends of the partition's primary key.
 */
export async function recordIdRange(
  db: Database,
  usageFileId: string,
  generation: number,
): Promise<{ firstRecordId: number | null; lastRecordId: number | null }> {
  const [range] = await selectRows<{ first: number | string | null; last: number | string | null }>(
    db,
    sql`SELECT min(id) AS first, max(id) AS last FROM usage_records WHERE usage_file_id = ${usageFileId} AND generation = ${generation}`,
  );
  const asNumber = (id: number | string | null | undefined) => (id === null || id === undefined ? null : Number(id));
  return { firstRecordId: asNumber(range?.first), lastRecordId: asNumber(range?.last) };
}

/** How many records a generation holds, as stored. */
export async function storedRecordCount(db: Database, usageFileId: string, generation: number): Promise<number> {
  const [counted] = await selectRows<{ records: number | string }>(
    db,
    sql`SELECT count(*) AS records FROM usage_records WHERE usage_file_id = ${usageFileId} AND generation = ${generation}`,
  );
  return Number(counted?.records);
}

/** The columns the record grid sorts on besides the id; each gets an index of its own per partition. */
const gridSortColumns = [
  "record_id",
  "item_id",
  "subscription_id",
  "quantity",
  "start_time",
  "end_time",
  "amount",
  "tier",
  "category_id",
  "note",
] as const;

/** The columns the grid's free-text search looks into, by trigram (pg_trgm). */
const gridSearchColumns = ["record_id", "note"] as const;

/**
 * Indexes a visible partition for the record grid: on (column, id) for each sort, so that any page
 * of any sort is one index range, and by trigram for the search. Built after the file has its
 * outcome, off the path to Ready; until then the grid works without them, more slowly. A
 * partition dropped meanwhile (a newer upload) is skipped.
 */
export async function indexRecordPartition(db: Database, usageFileId: string, generation: number): Promise<void> {
  const name = recordPartitionName(usageFileId, generation);
  const table = sql.identifier(name);
  const indexes = [
    ...gridSortColumns.map((column) => ({
      name: `${name}_${column}`,
      definition: sql`(${sql.identifier(column)}, id)`,
    })),
    ...gridSearchColumns.map((column) => ({
      name: `${name}_${column}_trgm`,
      definition: sql`USING gin (${sql.identifier(column)} gin_trgm_ops)`,
    })),
  ];
  // The warnings' sweep (lib/server/usage-files/usage-warnings.ts) reads another file's records of
  // given subscriptions and items in start order: this index serves it without reading the others.
  indexes.push({
    name: `${name}_subscription_item_start`,
    definition: sql`(subscription_id, item_id, start_time)`,
  });
  for (const index of indexes) {
    const [partition] = await selectRows<{ exists: boolean }>(
      db,
      sql`SELECT to_regclass(${name}) IS NOT NULL AS exists`,
    );
    if (!partition?.exists) return;
    await db.execute(sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(index.name)} ON ${table} ${index.definition}`);
  }
  // Fresh statistics let the planner weigh these indexes against the grid's filters.
  await analyzeRecordPartition(db, usageFileId, generation);
}

/**
 * Gathers a partition's statistics. A freshly loaded one has none, and the planner would take it
 * for a single row: checking a million records against other files by nested loops.
 */
export async function analyzeRecordPartition(db: Database, usageFileId: string, generation: number): Promise<void> {
  await db.execute(sql`ANALYZE ${sql.identifier(recordPartitionName(usageFileId, generation))}`);
}

/** Creates, attaches and so opens an empty partition, for records inserted row by row (the demo seed). */
export async function openRecordPartition(db: Database, usageFileId: string, generation: number): Promise<void> {
  await createRecordPartition(db, usageFileId, generation);
  await attachRecordPartition(db, usageFileId, generation);
}

/**
 * Drops a file's record partitions other than the visible one: "from" a generation on, what an
 * unfinished attempt left (attached or not); "before" it, what a newer upload replaced, but `keep`.
 */
export async function dropRecordPartitions(
  db: Database,
  usageFileId: string,
  side: "from" | "before",
  generation: number,
  keep?: number,
): Promise<void> {
  const prefix = recordPartitionName(usageFileId, 0).replace(/0$/, "");
  const tables = await selectRows<{ tablename: string }>(
    db,
    sql`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, ${prefix})`,
  );
  for (const { tablename } of tables) {
    const tableGeneration = Number(tablename.slice(prefix.length));
    const drop =
      side === "from" ? tableGeneration >= generation : tableGeneration < generation && tableGeneration !== keep;
    if (drop) await db.execute(sql`DROP TABLE IF EXISTS ${sql.identifier(tablename)}`);
  }
}

/** Partition bounds and CHECKs take no parameters; file ids are `UF-…` but are quoted all the same. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
