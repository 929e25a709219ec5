import "server-only";
import { getDatabase } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";

/** Opens (and so migrates) the database, then loads the demo data when it is empty. */
export async function prepareDatabase(): Promise<void> {
  const { db, engine } = await getDatabase();
  const seeded = await seedIfEmpty(db);
  console.log(`Database ready (${engine})${seeded ? ", demo data loaded" : ""}.`);
}
