// `npm run db:seed`: migrates the configured database and loads the demo data if it is empty,
// on DATABASE_URL too: running it is the ask.
import { closeDatabase, getDatabase } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";

const handle = await getDatabase();
const seeded = await seedIfEmpty(handle.db);
console.log(seeded ? "Demo data loaded." : "The database already has data; nothing loaded.");
await closeDatabase();
