import "server-only";
import { getDatabase } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { startWorkers } from "@/lib/server/jobs/worker";

/** Opens (and so migrates) the database, loads the demo data when it is empty, starts the worker. */
export async function prepareServer(): Promise<void> {
  const { db, engine } = await getDatabase();
  const seeded = await seedIfEmpty(db);
  await startWorkers();
  console.log(`Database ready (${engine})${seeded ? ", demo data loaded" : ""}; job worker started.`);
}
