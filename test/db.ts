import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import {
  createPglite,
  migrateDatabase,
  openPglite,
  openPostgres,
  replaceDatabase,
  type DatabaseHandle,
} from "@/db/client";
import { stopJobQueue } from "@/lib/server/jobs/queue";

/**
 * Integration tests run on a real engine: PGlite by default, PostgreSQL when DATABASE_URL is set.
 * Each test file gets a database of its own (a copy of a freshly migrated one), emptied before each
 * test, so neither files nor tests see each other's rows, and two runs never share a database.
 */
export function withTestDatabase(): { readonly handle: DatabaseHandle } {
  let current: DatabaseHandle | undefined;
  let dropDatabase: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const created = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : await clonePglite();
    current = created.handle;
    dropDatabase = created.drop;
    replaceDatabase(current);
  });

  beforeEach(async () => {
    await emptyAllTables(current!);
  });

  afterAll(async () => {
    await stopJobQueue();
    await current?.close();
    await dropDatabase();
  });

  return {
    get handle() {
      if (!current) throw new Error("The test database is not open yet: use it inside a test or hook.");
      return current;
    },
  };
}

let migratedPglite: Promise<Blob> | undefined;

async function clonePglite(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  migratedPglite ??= (async () => {
    const template = createPglite();
    await migrateDatabase(openPglite(template));
    const dump = await template.dumpDataDir("none");
    await template.close();
    return dump;
  })();
  const client = new PGlite({ loadDataDir: await migratedPglite });
  return { handle: openPglite(client), drop: async () => {} };
}

async function createPostgresDatabase(url: string): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const name = `usage_portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openPostgres(testUrl.toString());
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
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
