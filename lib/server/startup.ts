import "server-only";
import { getDatabase, type Database } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { env, wantsDemoData, type Settings } from "@/lib/env";
import { startWorkers } from "@/lib/server/jobs/worker";

/** Opens (and so migrates) the database, loads the demo data where wanted, starts the worker. */
export async function prepareServer(): Promise<void> {
  const { db } = await getDatabase();
  const seeded = await loadDemoDataIfWanted(db, env);
  await startWorkers();
  const where = env.DATABASE_URL ? "PostgreSQL at DATABASE_URL" : "embedded PostgreSQL";
  console.log(`Database ready (${where})${seeded ? ", demo data loaded" : ""}; job worker started.`);
}

/** Demo data goes into an empty database, and only where `wantsDemoData` says. */
export async function loadDemoDataIfWanted(db: Database, settings: Pick<Settings, "DATABASE_URL" | "SEED_DEMO_DATA">): Promise<boolean> {
  return wantsDemoData(settings) && (await seedIfEmpty(db));
}
