import "server-only";
import { getDatabase, type Database } from "@/db/client";
import { EmbeddedServerError } from "@/db/embedded-server";
import { seedIfEmpty } from "@/db/seed";
import { env, wantsDemoData, type Settings } from "@/lib/env";
import { startWorkers } from "@/lib/server/jobs/worker";
import { sweepSpool } from "@/lib/server/storage/stored-files";

/** The web server's start: opens (and so migrates) the database and loads the demo data where wanted. */
export async function prepareServer(): Promise<void> {
  const { db } = await getDatabase();
  const seeded = await loadDemoDataIfWanted(db, env);
  await sweepSpool(db);
  if (env.JOBS_IN_PROCESS) await startWorkers();
  const jobs = env.JOBS_IN_PROCESS ? "job worker started" : "jobs run in the worker process";
  console.log(`Database ready (${databaseName()})${seeded ? ", demo data loaded" : ""}; ${jobs}.`);
}

/** The worker process's start (`npm start` runs one beside the web server): uploads are processed here. */
export async function prepareWorker(): Promise<void> {
  await getDatabase();
  await startWorkers();
  console.log(`Job worker ready (${databaseName()}): ${env.WORKER_CONCURRENCY} files at once, one per account.`);
}

function databaseName(): string {
  return env.DATABASE_URL ? "PostgreSQL at DATABASE_URL" : "embedded PostgreSQL";
}

/** Demo data goes into an empty database, and only where `wantsDemoData` says. */
export async function loadDemoDataIfWanted(
  db: Database,
  settings: Pick<Settings, "DATABASE_URL" | "SEED_DEMO_DATA">,
): Promise<boolean> {
  return wantsDemoData(settings) && (await seedIfEmpty(db));
}

/** Runs a process's start; a setup problem (port taken, old data directory…) ends it with one line saying what to do. */
export async function startOrExplain(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (!(error instanceof EmbeddedServerError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
