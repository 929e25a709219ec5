// Concurrent API clients over HTTP (keep-alive fetch), each with a key of its own, asking a mix of
// file lists, single files and record pages of a big file until told to stop. Records are read as
// an integration reads them: a run of pages in one order, each page the one its predecessor links to.
import { usageFileSortColumns } from "@/lib/domain/usage-file-query";
import { usageRecordSortColumns } from "@/lib/domain/usage-record-query";
import { snakeCase } from "@/lib/server/api/wire-names";
import { randomFrom } from "./grid-pages";

export interface LoadTarget {
  baseUrl: string;
  /** One API key per client. */
  keys: readonly string[];
  /** Files the callers may all see, for `GET /usage/files/{id}`. */
  fileIds: readonly string[];
  /** The big file whose records are paged, and how many it has. */
  recordsFileId: string;
  records: number;
  /**
   * By `order_by`, cursors at random places deep in the big file: where a sync that stopped there
   * would resume from the cursor it kept.
   */
  resumeCursors: Record<string, readonly string[]>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first few errors, for the log. */
  errorSamples: string[];
  latenciesMs: number[];
  /** The same latencies by kind of request, to tell which one is slow. */
  latenciesByKindMs: Record<RequestKind, number[]>;
  seconds: number;
}

type RequestKind = "files" | "file" | "records_first_10k" | "records_deep";

const recordOrders = usageRecordSortColumns.map(snakeCase);
const fileOrders = usageFileSortColumns.map(snakeCase);

/** Runs one client per key until `done()` is true; every non-2xx answer and network failure is an error. */
export async function runLoad(target: LoadTarget, done: () => boolean): Promise<LoadResult> {
  const result: LoadResult = {
    requests: 0,
    errors: 0,
    errorSamples: [],
    latenciesMs: [],
    latenciesByKindMs: { files: [], file: [], records_first_10k: [], records_deep: [] },
    seconds: 0,
  };
  const started = performance.now();
  await Promise.all(target.keys.map((key, client) => runClient(target, key, 20_261_202 + client, done, result)));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/** A run of record pages a client is reading: the next page's path (from the last page's link) and how many more to read. */
interface Reading {
  kind: "records_first_10k" | "records_deep";
  next: string | undefined;
  pagesLeft: number;
}

async function runClient(
  target: LoadTarget,
  key: string,
  seed: number,
  done: () => boolean,
  result: LoadResult,
): Promise<void> {
  const random = randomFrom(seed);
  const headers = { authorization: `ApiKey ${key}` };
  let reading: Reading | undefined;
  while (!done()) {
    const request = nextRequest(target, random, reading);
    const started = performance.now();
    let link: string | null = null;
    try {
      const response = await fetch(`${target.baseUrl}/api/v1${request.path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) noteError(result, `${response.status} ${request.path}`);
      link = response.headers.get("link");
    } catch (error) {
      noteError(result, `${(error as Error).message} ${request.path}`);
    }
    const elapsed = performance.now() - started;
    result.latenciesMs.push(elapsed);
    result.latenciesByKindMs[request.kind].push(elapsed);
    result.requests++;
    if (request.reading) reading = { ...request.reading, next: nextPageOf(link) };
  }
}

/** The path under /api/v1 of `Link: </api/v1/…>; rel="next"`. */
function nextPageOf(link: string | null): string | undefined {
  return link ? /^<\/api\/v1([^>]*)>; rel="next"$/.exec(link)?.[1] : undefined;
}

function noteError(result: LoadResult, message: string): void {
  result.errors++;
  if (result.errorSamples.length < 5) result.errorSamples.push(message);
}

/**
 * One in ten requests lists files, one in ten reads a file, the rest read the big file's records:
 * the next page of the run being read, or the first page of a new run in a random order and page
 * size. Four runs in five start at the first page and stay within the first 10,000 records; one in
 * five resumes from a cursor deep in the file and reads up to 10 pages.
 */
function nextRequest(
  target: LoadTarget,
  random: ReturnType<typeof randomFrom>,
  reading: Reading | undefined,
): { kind: RequestKind; path: string; reading?: Reading } {
  const roll = random.next();
  const desc = () => (random.next() < 0.5 ? "-" : "");
  if (roll < 0.1) {
    const limit = random.pick([20, 50, 100]);
    return { kind: "files", path: `/usage/files?order_by=${desc()}${random.pick(fileOrders)}&limit=${limit}` };
  }
  if (roll < 0.2) return { kind: "file", path: `/usage/files/${encodeURIComponent(random.pick(target.fileIds))}` };
  if (reading?.next && reading.pagesLeft > 0) {
    return { kind: reading.kind, path: reading.next, reading: { ...reading, pagesLeft: reading.pagesLeft - 1 } };
  }
  const limit = random.pick([25, 100, 250]);
  const orderBy = `${desc()}${random.pick(recordOrders)}`;
  const deep = random.next() >= 0.8;
  const query = new URLSearchParams({ "usagefile.id": target.recordsFileId, order_by: orderBy, limit: String(limit) });
  if (deep) query.set("after", random.pick(target.resumeCursors[orderBy]!));
  const pages = deep ? 10 : Math.floor(Math.min(10_000, target.records) / limit);
  const kind = deep ? "records_deep" : "records_first_10k";
  return {
    kind,
    path: `/usage/records?${query}`,
    reading: { kind, next: undefined, pagesLeft: Math.floor(random.next() * pages) },
  };
}

/** Every `order_by` value of the record list, each column ascending and descending. */
export const recordListOrders = recordOrders.flatMap((order) => [order, `-${order}`]);
