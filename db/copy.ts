import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

/**
 * What COPY reads: CSV lines, or the binary format's rows (`binaryCopyRow`) for bytes that CSV
 * would have to spell out as hex. The writer adds the binary format's header and trailer.
 */
export type CopyFormat = "csv" | "binary";

/** Bulk loading through COPY … FROM STDIN. */
export interface CopyWriter {
  /** Appends CSV text or bytes in the COPY's format (a row may come in pieces); resolves when the engine can take more. */
  write(csv: string | Uint8Array): Promise<void>;
  /** Flushes what is left; the rows are loaded (and visible, outside a transaction) when it resolves. */
  finish(): Promise<void>;
  /** Gives up: what was not yet flushed is dropped; callers delete what was. */
  abort(): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[], format: CopyFormat): string {
  return `COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT ${format})`;
}

/** The binary format's signature, flags and header extension length (no extension). */
const binaryHeader = Buffer.from("PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0", "latin1");
/** A field count of -1 ends the rows. */
const binaryTrailer = Buffer.from([0xff, 0xff]);

/**
 * One row in COPY's binary format: each field is given in its type's binary form, as
 * `binaryInt4` writes an integer; text is its UTF-8 bytes, bytea the bytes themselves.
 */
export function binaryCopyRow(fields: readonly Uint8Array[]): Buffer {
  return binaryRowBytes(fields, null);
}

/**
 * The start of a row whose last field, `lastFieldBytes` long, the caller writes next in pieces:
 * a long bytea that is never one buffer.
 */
export function binaryCopyRowOpening(fields: readonly Uint8Array[], lastFieldBytes: number): Buffer {
  return binaryRowBytes(fields, lastFieldBytes);
}

function binaryRowBytes(fields: readonly Uint8Array[], lastFieldBytes: number | null): Buffer {
  const opened = lastFieldBytes === null ? 0 : 1;
  const row = Buffer.allocUnsafe(2 + fields.reduce((size, field) => size + 4 + field.byteLength, 0) + 4 * opened);
  let at = row.writeInt16BE(fields.length + opened, 0);
  for (const field of fields) {
    at = row.writeInt32BE(field.byteLength, at);
    row.set(field, at);
    at += field.byteLength;
  }
  if (lastFieldBytes !== null) row.writeInt32BE(lastFieldBytes, at);
  return row;
}

export function binaryInt4(value: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeInt32BE(value);
  return bytes;
}

/**
 * One COPY stream with backpressure, so memory stays flat however many rows come. The
 * COPY has a connection of its own, closed afterwards: the pool would pipeline other queries into
 * it (postgres.js fails them while a COPY runs), and a refused COPY leaves its connection with a
 * pending stream callback (see `refusalOf`).
 */
export async function postgresCopyWriter(
  url: string,
  table: string,
  columns: readonly string[],
  format: CopyFormat = "csv",
): Promise<CopyWriter> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  return copyWriterOn(client, table, columns, format, () => client.end({ timeout: 0 }));
}

/**
 * A COPY on `client`, a connection nothing else uses meanwhile; `close` runs when the COPY is done
 * or given up (a session of one's own, say, with a temporary table to load, keeps it open).
 */
export async function copyWriterOn(
  client: postgres.Sql,
  table: string,
  columns: readonly string[],
  format: CopyFormat = "csv",
  close: () => Promise<void> = async () => {},
): Promise<CopyWriter> {
  const query = client.unsafe(copyStatement(table, columns, format));
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
  if (format === "binary") stream.write(binaryHeader);
  return {
    async write(csv) {
      if (!stream.write(csv)) await Promise.race([once(stream, "drain"), loaded]);
    },
    async finish() {
      stream.end(format === "binary" ? binaryTrailer : undefined);
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
  return new Error(`PostgreSQL refused the COPY into ${table}: ${message}${where ? ` (${where})` : ""}`, {
    cause: error,
  });
}

/** One CSV field: quoted only when it must be; null is an empty unquoted field (SQL NULL). */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  if (text === "") return '""';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const quote = 34;
const comma = 44;
const lineFeed = 10;
const carriageReturn = 13;
const maxUtf8BytesPerUnit = 3;

/**
 * CSV lines for COPY written straight into bytes, fields as `csvField` writes them: a million-row
 * load makes no string per field, per line or per batch, and hands the driver bytes it need not
 * encode. `take` hands over what was written and starts a new buffer.
 */
export class CsvLines {
  private bytes: Buffer;
  private length = 0;
  private lineStart = true;

  constructor(private readonly initialBytes = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(initialBytes);
  }

  get byteLength(): number {
    return this.length;
  }

  field(value: string | number | null): this {
    this.separate();
    if (value === null) return this;
    const text = typeof value === "number" ? String(value) : value;
    if (text === "" || !this.writePlainAscii(text)) {
      const field = csvField(text);
      this.room(field.length * maxUtf8BytesPerUnit);
      this.length += this.bytes.write(field, this.length, "utf8");
    }
    return this;
  }

  /** A whole number, written digit by digit. */
  integer(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) return this.field(value);
    this.separate();
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.room(digits);
    for (let at = this.length + digits - 1, rest = value; at >= this.length; at--, rest = Math.floor(rest / 10)) {
      this.bytes[at] = 48 + (rest % 10);
    }
    this.length += digits;
    return this;
  }

  endLine(): void {
    this.room(1);
    this.bytes[this.length++] = lineFeed;
    this.lineStart = true;
  }

  take(): Buffer {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(Math.max(this.initialBytes, this.length + (this.length >> 2)));
    this.length = 0;
    this.lineStart = true;
    return taken;
  }

  private separate(): void {
    if (!this.lineStart) {
      this.room(1);
      this.bytes[this.length++] = comma;
    }
    this.lineStart = false;
  }

  /**
   * Most fields (ids, numbers, times) are short ASCII needing no quotes: copied code by code, which
   * costs less than encoding them. False, having written nothing, for any other text.
   */
  private writePlainAscii(text: string): boolean {
    this.room(text.length);
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code >= 128 || code === quote || code === comma || code === lineFeed || code === carriageReturn) return false;
      this.bytes[this.length + at] = code;
    }
    this.length += text.length;
    return true;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + bytes));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
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
