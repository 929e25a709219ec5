import "server-only";
import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss, type JobWithMetadata } from "pg-boss";
import { z } from "zod";
import { getDatabase, type Database, type DatabaseHandle } from "@/db/client";

/**
 * The job queue: pg-boss on the same database as the app (its own schema), so jobs survive
 * restarts, commit with the change that asks for them, and are shared safely by several app
 * instances. PGlite runs it in-process through pg-boss's PGlite adapter.
 */
export const processUsageFileJob = {
  name: "process-usage-file",
  payload: z.object({ usageFileId: z.string() }),
  // A worker that dies mid-job misses its heartbeat and the job is retried; past retryLimit the file is failed.
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60, heartbeatSeconds: 30 },
} as const;

export type ProcessUsageFilePayload = z.infer<typeof processUsageFileJob.payload>;

const holder = globalThis as unknown as { __usagePortalQueue?: Promise<PgBoss> };

function createBoss(handle: DatabaseHandle): PgBoss {
  const options = { schema: "pgboss", pollingIntervalSeconds: 0.5, supervise: true, schedule: false } as const;
  return handle.native.engine === "pglite"
    ? new PgBoss({ ...options, db: fromPglite(handle.native.client), backend: "pglite" })
    : new PgBoss({ ...options, connectionString: handle.native.url, max: 3 });
}

export function getJobQueue(): Promise<PgBoss> {
  holder.__usagePortalQueue ??= (async () => {
    const boss = createBoss(await getDatabase());
    boss.on("error", (error) => console.error("Job queue error:", error));
    await boss.start();
    await boss.createQueue(processUsageFileJob.name, processUsageFileJob.options);
    return boss;
  })();
  return holder.__usagePortalQueue;
}

export type EnqueueProcessing = (tx: Database, payload: ProcessUsageFilePayload) => Promise<void>;

/**
 * Returns the function that asks for a file to be processed inside the caller's transaction, so
 * that the change and its job commit together. Call it before opening the transaction: starting
 * the queue inside one would wait forever on PGlite's single connection.
 */
export async function processingQueue(): Promise<EnqueueProcessing> {
  const boss = await getJobQueue();
  return async (tx, payload) => {
    await boss.send(processUsageFileJob.name, payload, {
      db: fromDrizzle(tx as Parameters<typeof fromDrizzle>[0], sql),
      singletonKey: payload.usageFileId,
    });
  };
}

/** Runs the processing worker in this process, one file at a time (each job keeps a core busy). */
export async function startJobWorkers(
  handle: (payload: ProcessUsageFilePayload, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
): Promise<void> {
  const boss = await getJobQueue();
  await boss.work(
    processUsageFileJob.name,
    { localConcurrency: 1, batchSize: 1, includeMetadata: true },
    async (jobs: JobWithMetadata<unknown>[]) => {
      for (const job of jobs) await handle(processUsageFileJob.payload.parse(job.data), job);
    },
  );
}

export async function stopJobQueue(): Promise<void> {
  const queue = holder.__usagePortalQueue;
  holder.__usagePortalQueue = undefined;
  if (queue) await (await queue).stop({ graceful: false, close: true });
}
