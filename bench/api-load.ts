// Concurrent API clients over HTTP (keep-alive fetch), each with a key of its own, asking a mix of
// file lists, single files and record pages of a big file until told to stop.
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

async function runClient(
  target: LoadTarget,
  key: string,
  seed: number,
  done: () => boolean,
  result: LoadResult,
): Promise<void> {
  const random = randomFrom(seed);
  const headers = { authorization: `ApiKey ${key}` };
  while (!done()) {
    const { kind, path } = nextRequest(target, random);
    const started = performance.now();
    try {
      const response = await fetch(`${target.baseUrl}/api/v1${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) noteError(result, `${response.status} ${path}`);
    } catch (error) {
      noteError(result, `${(error as Error).message} ${path}`);
    }
    const elapsed = performance.now() - started;
    result.latenciesMs.push(elapsed);
    result.latenciesByKindMs[kind].push(elapsed);
    result.requests++;
  }
}

function noteError(result: LoadResult, message: string): void {
  result.errors++;
  if (result.errorSamples.length < 5) result.errorSamples.push(message);
}

/**
 * One in ten requests lists files, one in ten reads a file, the rest page the big file's records in
 * a random order: mostly the first 10,000 records, one page in five anywhere in the file.
 */
function nextRequest(target: LoadTarget, random: ReturnType<typeof randomFrom>): { kind: RequestKind; path: string } {
  const roll = random.next();
  const desc = () => (random.next() < 0.5 ? "-" : "");
  if (roll < 0.1) {
    const limit = random.pick([20, 50, 100]);
    return { kind: "files", path: `/usage/files?order_by=${desc()}${random.pick(fileOrders)}&limit=${limit}` };
  }
  if (roll < 0.2) return { kind: "file", path: `/usage/files/${encodeURIComponent(random.pick(target.fileIds))}` };
  const limit = random.pick([25, 100, 250]);
  const deep = random.next() >= 0.8;
  const span = deep ? target.records : Math.min(10_000, target.records);
  const offset = Math.floor((random.next() * span) / limit) * limit;
  const query = new URLSearchParams({
    "usagefile.id": target.recordsFileId,
    order_by: `${desc()}${random.pick(recordOrders)}`,
    limit: String(limit),
    offset: String(offset),
  });
  return { kind: deep ? "records_deep" : "records_first_10k", path: `/usage/records?${query}` };
}
