import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

/** Bulk loading, one thing the two engines do differently: COPY … FROM STDIN versus a blob. */
export interface CopyWriter {
  /** Appends CSV text (whole lines); resolves when the engine can take more. */
  write(csv: string): Promise<void>;
  /** Flushes what is left; the rows are loaded (and visible, outside a transaction) when it resolves. */
  finish(): Promise<void>;
  /** Gives up: what was not yet flushed is dropped; callers delete what was. */
  abort(): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${table} (${columns.join(", ")}) FROM ${source} WITH (FORMAT csv)`;
}

/**
 * PostgreSQL: one COPY stream with backpressure, so memory stays flat however many rows come. The
 * COPY has a connection of its own, closed afterwards: the pool would pipeline other queries into
 * it (postgres.js fails them while a COPY runs), and a refused COPY leaves its connection with a
 * pending stream callback (see `refusalOf`).
 */
export async function postgresCopyWriter(url: string, table: string, columns: readonly string[]): Promise<CopyWriter> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const close = () => client.end({ timeout: 0 });
  const query = client.unsafe(copyStatement(table, columns, "STDIN"));
  const refused = refusalOf(query, table);
  let stream: Writable;
  try {
    stream = await Promise.race([query.writable(), refused]);
  } catch (error) {
    await close();
    throw error;
  }
  // `once` rejects on 'error': a refusal that comes while rows are still being written.
  const loaded = Promise.race([once(stream, "finish"), refused]);
  loaded.catch(() => {}); // observed by write() and finish(); an abort must not leave it unhandled
  return {
    async write(csv) {
      if (!stream.write(csv)) await Promise.race([once(stream, "drain"), loaded]);
    },
    async finish() {
      stream.end();
      try {
        await loaded;
      } finally {
        await close();
      }
    },
    async abort() {
      stream.destroy(new Error("COPY aborted"));
      await close();
    },
  };
}

/**
 * Rejects when the server refuses the COPY. postgres.js 3.4 settles the query with the writable
 * as soon as the copy starts, and when the server refuses the rows after the stream has ended
 * (a bad row near the end), the writable never hears of it: its 'finish' waits for a
 * CommandComplete that comes only with the next query on that connection, so the refused load
 * looked done (porsager/postgres#1173, fix proposed in PR #1183). The error still reaches the
 * query's reject handler, which is where it is caught.
 */
function refusalOf(query: Promise<unknown>, table: string): Promise<never> {
  const settled = query as unknown as { reject(error: unknown): void };
  const rejectQuery = settled.reject;
  return new Promise((_, reject) => {
    settled.reject = (error) => {
      rejectQuery(error);
      reject(copyRefused(table, error));
    };
  });
}

function copyRefused(table: string, error: unknown): Error {
  const { message, where } = error as { message?: string; where?: string };
  return new Error(`PostgreSQL refused the COPY into ${table}: ${message}${where ? ` (${where})` : ""}`, { cause: error });
}

/** PGlite reads COPY input from a blob; rows go in chunks so a million never sit in memory at once. */
export function pgliteCopyWriter(
  client: PGlite,
  table: string,
  columns: readonly string[],
  chunkBytes = 16 * 1024 * 1024,
): CopyWriter {
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const blob = new Blob(pending);
    pending = [];
    pendingBytes = 0;
    await client.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
  };
  return {
    async write(csv) {
      pending.push(csv);
      pendingBytes += csv.length;
      if (pendingBytes >= chunkBytes) await flush();
    },
    finish: flush,
    async abort() {
      pending = [];
    },
  };
}

/** One CSV field: quoted only when it must be; null is an empty unquoted field (SQL NULL). */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  if (text === "") return '""';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Exporting, the other thing the engines do differently: the CSV of a query, header first, as chunks. */
export type CopyReader = (query: SQL) => AsyncIterable<Uint8Array>;

function copyOutStatement(query: SQL, target: string): string {
  return `COPY (${inlineQuery(query)}) TO ${target} WITH (FORMAT csv, HEADER)`;
}

/**
 * PostgreSQL: COPY … TO STDOUT, streamed with backpressure: memory stays flat for a million rows.
 * Each export has a connection of its own, closed afterwards: postgres.js 3.4 can leave a pooled
 * connection's socket paused after a COPY (porsager/postgres#499, #917, PR #1016), and the next
 * query on it hangs for ever.
 */
export function postgresCopyReader(url: string): CopyReader {
  return async function* (query) {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      yield* await client.unsafe(copyOutStatement(query, "STDOUT")).readable();
    } finally {
      await client.end({ timeout: 0 });
    }
  };
}

/** PGlite writes COPY output to a blob: the whole export is in memory once (PGlite is for small data). */
export function pgliteCopyReader(client: PGlite): CopyReader {
  return async function* (query) {
    const result = await client.query(copyOutStatement(query, "'/dev/blob'"));
    if (!result.blob) return;
    const reader = result.blob.stream().getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
  };
}

/** COPY takes no bind parameters, so the query's values are written in as SQL literals. */
export function inlineQuery(query: SQL): string {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  return text.replace(/\$(\d+)/g, (_, index: string) => sqlLiteral(params[Number(index) - 1]));
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}
