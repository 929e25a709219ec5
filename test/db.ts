import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { replaceDatabase, type DatabaseHandle } from "@/db/client";
import { createEphemeralDatabase, type EphemeralDatabase } from "@/db/ephemeral";
import { stopJobQueue } from "@/lib/server/jobs/queue";

/**
 * Integration tests run on a real PostgreSQL: the embedded server by default, DATABASE_URL's when set.
 * Each test file gets a database of its own (freshly migrated), emptied before each
 * test, so neither files nor tests see each other's rows, and two runs never share a database.
 */
export function withTestDatabase(): { readonly handle: DatabaseHandle } {
  const database = withSharedTestDatabase();
  beforeEach(async () => {
    await emptyAllTables(database.handle);
  });
  return database;
}

/**
 * A database of the test file's own, kept from test to test: for a file that seeds once and whose
 * tests leave what the next ones need.
 */
export function withSharedTestDatabase(): { readonly handle: DatabaseHandle } {
  let database: EphemeralDatabase | undefined;

  beforeAll(async () => {
    database = await createEphemeralDatabase(inject("databaseServerUrl"), "usage_portal_test");
    replaceDatabase(database.handle);
  });

  afterAll(async () => {
    await stopJobQueue();
    await database?.handle.close();
    await database?.drop();
  });

  return {
    get handle() {
      if (!database) throw new Error("The test database is not open yet: use it inside a test or hook.");
      return database.handle;
    },
  };
}

async function emptyAllTables(handle: DatabaseHandle): Promise<void> {
  const tables = await handle.rows<{ name: string }>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  if (tables.length === 0) return;
  await handle.rows(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`);
}
