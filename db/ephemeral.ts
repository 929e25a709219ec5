import "server-only";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { migrateDatabase, openPostgres, type DatabaseHandle } from "./client";
import { databaseUrl } from "./embedded-server";

/** A migrated database of its own, for a test file or a benchmark run; `drop` removes it. */
export interface EphemeralDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A new database on the server `serverUrl` points at. */
export async function createEphemeralDatabase(serverUrl: string, prefix: string): Promise<EphemeralDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const handle = openPostgres(databaseUrl(serverUrl, name));
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
