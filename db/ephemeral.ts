import "server-only";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { createPglite, migrateDatabase, openPglite, openPostgres, pgliteExtensions, type DatabaseHandle } from "./client";

/** A migrated database of its own, for a test file or a benchmark run; `drop` removes it. */
export interface EphemeralDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** On PostgreSQL (a new database beside `url`'s), or else an in-memory PGlite. */
export function createEphemeralDatabase(url: string | undefined, prefix: string): Promise<EphemeralDatabase> {
  return url ? createPostgresDatabase(url, prefix) : clonePglite();
}

let migratedPglite: Promise<Blob> | undefined;

/** Migrating PGlite takes seconds; a dump of one migrated instance is copied instead. */
async function clonePglite(): Promise<EphemeralDatabase> {
  migratedPglite ??= (async () => {
    const template = createPglite();
    await migrateDatabase(openPglite(template));
    const dump = await template.dumpDataDir("none");
    await template.close();
    return dump;
  })();
  const client = new PGlite({ loadDataDir: await migratedPglite, extensions: pgliteExtensions });
  return { handle: openPglite(client), drop: async () => {} };
}

async function createPostgresDatabase(url: string, prefix: string): Promise<EphemeralDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const ownUrl = new URL(url);
  ownUrl.pathname = `/${name}`;
  const handle = openPostgres(ownUrl.toString());
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
