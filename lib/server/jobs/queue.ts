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
  payload: z.object({ usageFileId: z.string(), accountId: z.string() }),
  /** One processing of a file waits at a time: a second upload's job joins the queued one. */
  singletonKey: ({ usageFileId }: { usageFileId: string }) => usageFileId,
  /** Fair shares: one file of an account at a time, so one account's 400 uploads never hold every worker. */
  group: ({ accountId }: { accountId: string }) => accountId,
  // A worker that dies mid-job misses its heartbeat (the shortest pg-boss allows) and the job is
  // retried; past retryLimit the file is failed.
  options: { retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 * 60, heartbeatSeconds: 10 },
} as const;

/** Indexes a file's new records for the record grid's sorts, once they are what everyone sees. */
export const indexUsageRecordsJob = {
  name: "index-usage-records",
  payload: z.object({ usageFileId: z.string(), generation: z.number().int() }),
  singletonKey: ({ usageFileId, generation }: { usageFileId: string; generation: number }) =>
    `${usageFileId}/${generation}`,
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 },
} as const;

/**
 * Sends an endpoint's due webhook deliveries, one at a time in the order they were written. At most
 * one such job waits and one runs per endpoint (pg-boss's `stately` policy): a new delivery's job
 * joins the waiting one, and one endpoint is never sent to by two workers at once.
 */
export const deliverWebhooksJob = {
  name: "deliver-webhooks",
  payload: z.object({ endpointId: z.string() }),
  singletonKey: ({ endpointId }: { endpointId: string }) => endpointId,
  options: { policy: "stately", retryLimit: 10, retryDelay: 2, expireInSeconds: 15 * 60, heartbeatSeconds: 10 },
} as const;

/** Mails an inbox item to its user (SMTP_URL): retried with backoff while the mail server refuses it. */
export const sendInboxItemMailJob = {
  name: "send-inbox-item-mail",
  payload: z.object({ inboxItemId: z.number().int() }),
  singletonKey: ({ inboxItemId }: { inboxItemId: number }) => String(inboxItemId),
  options: { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
} as const;

interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  singletonKey: (payload: Payload) => string;
  /** Jobs of one group run one at a time in a worker process. */
  group?: (payload: Payload) => string;
  options: Parameters<PgBoss["createQueue"]>[1];
}

const jobDefinitions = [processUsageFileJob, indexUsageRecordsJob, deliverWebhooksJob, sendInboxItemMailJob];

const holder = globalThis as unknown as { __usagePortalQueue?: Promise<PgBoss> };

function createBoss(handle: DatabaseHandle): PgBoss {
  return new PgBoss({
    connectionString: handle.url,
    max: 3,
    schema: "pgboss",
    supervise: true,
    // Missed heartbeats are looked for every 2 s (pg-boss waits 60 s by default), so a file whose worker
    // died is taken up again within 15 s.
    superviseIntervalSeconds: 2,
    monitorIntervalSeconds: 2,
    schedule: false,
  });
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
      group: job.group && { id: job.group(payload) },
    });
  };
}

/** Runs a job's workers in this process: `concurrency` jobs at once, one of each group at a time. */
export async function workOn<Payload>(
  job: JobDefinition<Payload>,
  concurrency: number,
  handle: (payload: Payload, attempt: { retryCount: number; retryLimit: number }) => Promise<void>,
): Promise<void> {
  const boss = await getJobQueue();
  const options = {
    localConcurrency: concurrency,
    // Counted in this process: pg-boss's count in the database lets two workers fetching at the same
    // moment both take a job of one group. Each instance's worker then runs one file per account.
    localGroupConcurrency: job.group ? 1 : undefined,
    batchSize: 1,
    includeMetadata: true,
    pollingIntervalSeconds: 0.5,
  } as const;
  await boss.work(job.name, options, async (jobs: JobWithMetadata<unknown>[]) => {
    for (const queued of jobs) await handle(job.payload.parse(queued.data), queued);
  });
}

/** Runs `task` every `intervalMs` until the queue stops (a failure is logged, and the next run tries again). */
export function repeatWhileQueueRuns(intervalMs: number, task: (boss: PgBoss) => Promise<void>): void {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    const queue = holder.__usagePortalQueue;
    if (running || !queue) return;
    running = queue
      .then(task)
      .catch((error: unknown) => console.error("Periodic job task failed:", error))
      .finally(() => {
        tasks.delete(running!);
        running = null;
      });
    tasks.add(running);
  }, intervalMs);
  timer.unref();
  timers.push(timer);
}

const timers: NodeJS.Timeout[] = [];
const tasks = new Set<Promise<void>>();

export async function stopJobQueue(): Promise<void> {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await Promise.all(tasks);
  const queue = holder.__usagePortalQueue;
  holder.__usagePortalQueue = undefined;
  if (queue) await (await queue).stop({ graceful: false, close: true });
}
