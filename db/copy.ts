import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

/** Bulk loading through COPY … FROM STDIN. */
export interface CopyWriter {
  /** Appends CSV text (whole lines); resolves when the engine can take more. */
  write(csv: string): Promise<void>;
  /** Flushes what is left; the rows are loaded (and visible, outside a transaction) when it resolves. */
  finish(): Promise<void>;
  /** Gives up: what was not yet flushed is dropped; callers delete what was. */
  abort(): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`;
}

/** One COPY stream with backpressure, so memory stays flat however many rows come. */
export async function postgresCopyWriter(
  client: postgres.Sql,
  table: string,
  columns: readonly string[],
): Promise<CopyWriter> {
  const stream: Writable = await client.unsafe(copyStatement(table, columns)).writable();
  const finished = new Promise<void>((resolve, reject) => {
    stream.once("finish", resolve);
    stream.once("error", reject);
  });
  finished.catch(() => {}); // observed by finish(); an abort must not leave it unhandled
  return {
    async write(csv) {
      if (!stream.write(csv)) await once(stream, "drain");
    },
    async finish() {
      stream.end();
      await finished;
    },
    async abort() {
      stream.destroy(new Error("COPY aborted"));
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

/** Exporting: the CSV of a query, header first, as chunks. */
export type CopyReader = (query: SQL) => AsyncIterable<Uint8Array>;

function copyOutStatement(query: SQL): string {
  return `COPY (${inlineQuery(query)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/**
 * COPY … TO STDOUT, streamed with backpressure: memory stays flat for a million rows.
 * Each export has a connection of its own, closed afterwards: postgres.js 3.4 can leave a pooled
 * connection's socket paused after a COPY (porsager/postgres#499, #917, PR #1016), and the next
 * query on it hangs for ever.
 */
export function postgresCopyReader(url: string): CopyReader {
  return async function* (query) {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      yield* await client.unsafe(copyOutStatement(query)).readable();
    } finally {
      await client.end({ timeout: 0 });
    }
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
