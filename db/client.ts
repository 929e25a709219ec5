import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { dataDir, env } from "@/lib/env";
import { pgliteCopyReader, pgliteCopyWriter, postgresCopyReader, postgresCopyWriter, type CopyReader, type CopyWriter } from "./copy";
import * as schema from "./schema";

/** One query surface for both engines: the same Drizzle code runs on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connected database with what differs between the engines kept behind it. */
export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
  /** Raw rows of a SQL statement, the same shape on both engines. */
  rows<T>(query: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-loads CSV rows into `table` (outside any transaction). */
  copyInto(table: string, columns: readonly string[]): Promise<CopyWriter>;
  /** Streams a query's rows out as CSV with a header line. */
  copyOut: CopyReader;
  /** The engine's own client, for libraries that bring their own adapters (the job queue). */
  native: { engine: "pglite"; client: PGlite } | { engine: "postgres"; url: string };
  close(): Promise<void>;
}

/** Rows of a raw statement: `db.execute` answers `{ rows }` on PGlite and an array on postgres.js. */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export const migrationsFolder = path.resolve("db/migrations");

export function openPglite(client: PGlite): DatabaseHandle {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    engine: "pglite",
    rows: async <T>(query: string, params?: unknown[]) => (await client.query<T>(query, params)).rows,
    copyInto: async (table, columns) => pgliteCopyWriter(client, table, columns),
    copyOut: pgliteCopyReader(client),
    native: { engine: "pglite", client },
    close: () => client.close(),
  };
}

export function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    engine: "postgres",
    rows: async <T>(query: string, params?: unknown[]) =>
      (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    copyInto: (table, columns) => postgresCopyWriter(url, table, columns),
    copyOut: postgresCopyReader(url),
    native: { engine: "postgres", url },
    close: () => client.end(),
  };
}

/** The contrib extensions the migrations create: pg_trgm serves the record grid's search. */
export const pgliteExtensions = { pg_trgm };

export function createPglite(dir?: string): PGlite {
  return new PGlite({ dataDir: dir, extensions: pgliteExtensions });
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
  } else {
    await migratePostgres(handle.db as Parameters<typeof migratePostgres>[0], { migrationsFolder });
  }
}

/**
 * PGlite keeps its files in one directory and nothing stops a second process from opening it,
 * which silently loses writes; a pid file refuses that second process.
 */
function lockPgliteDirectory(dir: string): void {
  const lockFile = `${dir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database ${dir} is in use by process ${pid}. Stop it, or set DATABASE_URL to use PostgreSQL.`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  process.once("exit", () => rmSync(lockFile, { force: true }));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const dir = path.join(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  lockPgliteDirectory(dir);
  return openPglite(createPglite(dir));
}

// Kept on globalThis: hot reload re-evaluates modules, and PGlite must stay one instance per process.
const holder = globalThis as unknown as { __usagePortalDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened and migrated on first use (never at import or build time). */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.__usagePortalDb ??= openConfiguredDatabase().then(async (handle) => {
    await migrateDatabase(handle);
    return handle;
  });
  return holder.__usagePortalDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Tests point the process at a database of their own. */
export function replaceDatabase(handle: DatabaseHandle): void {
  holder.__usagePortalDb = Promise.resolve(handle);
}
