import "server-only";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { dataDir, env } from "@/lib/env";
import {
  copyWriterOn,
  postgresCopyReader,
  postgresCopyWriter,
  type CopyFormat,
  type CopyReader,
  type CopyWriter,
} from "./copy";
import { ensureEmbeddedDatabase, ensureEmbeddedServer, stopOwnEmbeddedServer } from "./embedded-server";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A connected PostgreSQL database with the raw tools Drizzle does not cover. */
export interface DatabaseHandle {
  db: Database;
  /** The connection string, for libraries that open connections of their own (the job queue). */
  url: string;
  /** Raw rows of a SQL statement. */
  rows<T>(query: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-loads rows into `table` (outside any transaction). */
  copyInto(table: string, columns: readonly string[], format?: CopyFormat): Promise<CopyWriter>;
  /** Streams a query's rows out as CSV with a header line. */
  copyOut: CopyReader;
  /** Runs `work` on a connection of its own, closed afterwards: for temporary tables, which live as long as it. */
  withSession<T>(work: (session: DatabaseSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One connection: its temporary tables are visible to every statement and COPY run through it. */
export interface DatabaseSession {
  db: Database;
  /** Bulk-loads CSV rows into `table`; nothing else may run on the session until it finishes. */
  copyInto(table: string, columns: readonly string[]): Promise<CopyWriter>;
}

/** Rows of a raw statement run through Drizzle (inside a transaction, say). */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

export const migrationsFolder = path.resolve("db/migrations");

export function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    url,
    rows: async <T>(query: string, params?: unknown[]) =>
      (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    copyInto: (table, columns, format) => postgresCopyWriter(url, table, columns, format),
    copyOut: postgresCopyReader(url),
    withSession: async (work) => {
      const session = postgres(url, { max: 1, onnotice: () => {} });
      try {
        return await work({
          db: drizzle(session, { schema }) as unknown as Database,
          copyInto: (table, columns) => copyWriterOn(session, table, columns),
        });
      } finally {
        await session.end({ timeout: 0 });
      }
    },
    close: () => client.end(),
  };
}

/**
 * Runs `work` holding the advisory lock `name`, on a session of its own: another process asking for
 * the same name waits, and a process that dies releases it with its connection.
 */
export async function withAdvisoryLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const session = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await session`SELECT pg_advisory_lock(hashtext(${name}))`;
    return await work();
  } finally {
    await session.end();
  }
}

/**
 * Applies the committed migrations. The web server and the worker start together on one database:
 * one migrates while the other waits, then finds nothing left to do.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await withAdvisoryLock(handle.url, "migrations", () =>
    migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder }),
  );
}

/** The configured PostgreSQL, or else the embedded server's database under the data directory. */
async function configuredUrl(): Promise<string> {
  return env.DATABASE_URL ?? (await ensureEmbeddedDatabase(dataDir, "usage_portal"));
}

/** The server that tests and benchmarks create their scratch databases on. */
export function scratchServerUrl(): Promise<string> {
  return env.DATABASE_URL ? Promise.resolve(env.DATABASE_URL) : ensureEmbeddedServer(dataDir);
}

// Kept on globalThis: hot reload re-evaluates modules, and the process should hold one pool.
const holder = globalThis as unknown as { __usagePortalDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened and migrated on first use (never at import or build time). */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.__usagePortalDb ??= configuredUrl().then(async (url) => {
    const handle = openPostgres(url);
    await migrateDatabase(handle);
    return handle;
  });
  return holder.__usagePortalDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/**
 * Closes the process's pool, and stops the embedded server if this process started it: a command
 * (`npm run admin`, `npm run db:seed`) can then exit, while a server someone else started runs on.
 */
export async function closeDatabase(): Promise<void> {
  const handle = holder.__usagePortalDb;
  holder.__usagePortalDb = undefined;
  if (handle) await (await handle).close();
  await stopOwnEmbeddedServer();
}

/** Tests point the process at a database of their own. */
export function replaceDatabase(handle: DatabaseHandle): void {
  holder.__usagePortalDb = Promise.resolve(handle);
}
