import "server-only";
import { sql } from "drizzle-orm";
import { fromDrizzle, PgBoss, type JobWithMetadata } from "pg-boss";
import { z } from "zod";
import { getDatabase, type Database, type DatabaseHandle } from "@/db/client";

/**
 * The job queue: pg-boss on the same database as the app (its own schema), so jobs survive
 * restarts, commit with the change that asks for them, and are shared safely by several app
 * instances.
 */
export const processUsageFileJob = {
  name: "process-usage-file",
  payload: z.object({ usageFileId: z.string() }),
  /** One processing of a file waits at a time: a second upload's job joins the queued one. */
  singletonKey: ({ usageFileId }: { usageFileId: string }) => usageFileId,
  // A worker that dies mid-job misses its heartbeat and the job is retried; past retryLimit the file is failed.
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60, heartbeatSeconds: 30 },
} as const;

/** Indexes a file's new records for the record grid's sorts, once they are what everyone sees. */
export const indexUsageRecordsJob = {
  name: "index-usage-records",
  payload: z.object({ usageFileId: z.string(), generation: z.number().int() }),
  singletonKey: ({ usageFileId, generation }: { usageFileId: string; generation: number }) => `${usageFileId}/${generation}`,
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 },
} as const;

interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  singletonKey: (payload: Payload) => string;
  options: Parameters<PgBoss["createQueue"]>[1];
}

const jobDefinitions = [processUsageFileJob, indexUsageRecordsJob];

const holder = globalThis as unknown as { __usagePortalQueue?: Promise<PgBoss> };

function createBoss(handle: DatabaseHandle): PgBoss {
  return new PgBoss({ connectionString: handle.url, max: 3, schema: "pgboss", supervise: true, schedule: false });
}

export function getJobQueue(): Promise<PgBoss> {
  holder.__usagePortalQueue ??= (async () => {
    const boss = createBoss(await getDatabase());
    boss.on("error", (error) => console.error("Job queue error:", error));
    await boss.start();
    for (const job of jobDefinitions) await boss.createQueue(job.name, job.options);
    return boss;
  })();
  return holder.__usagePortalQueue;
}

export type Enqueue<Payload> = (tx: Database, payload: Payload) => Promise<void>;

/**
 * Returns the function that queues a job inside the caller's transaction, so that the change and
 * its job commit together. Call it before opening the transaction, so that starting the queue never
 * holds the transaction open.
 */
export async function jobSender<Payload extends object>(job: JobDefinition<Payload>): Promise<Enqueue<Payload>> {
  const boss = await getJobQueue();
  return async (tx, payload) => {
    await boss.send(job.name, payload, {
      db: fromDrizzle(tx as Parameters<typeof fromDrizzle>[0], sql),
      singletonKey: job.singletonKey(payload),
    });
  };
}

/** Runs a job's worker in this process, one job at a time (each keeps a core busy). */
export async function workOn<Payload>(
  job: JobDefinition<Payload>,
  handle: (payload: Payload, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
): Promise<void> {
  const boss = await getJobQueue();
  await boss.work(job.name, { localConcurrency: 1, batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 0.5 }, async (jobs: JobWithMetadata<unknown>[]) => {
    for (const queued of jobs) await handle(job.payload.parse(queued.data), queued);
  });
}

export async function stopJobQueue(): Promise<void> {
  const queue = holder.__usagePortalQueue;
  holder.__usagePortalQueue = undefined;
  if (queue) await (await queue).stop({ graceful: false, close: true });
}
