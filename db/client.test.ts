import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { migrateDatabase, openPostgres } from "./client";
import { databaseUrl } from "./embedded-server";

describe("migrating", () => {
  it("is safe when the web server and the worker migrate a new database at the same moment", async () => {
    const serverUrl = inject("databaseServerUrl");
    const name = `usage_portal_migrate_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const [web, worker] = [openPostgres(databaseUrl(serverUrl, name)), openPostgres(databaseUrl(serverUrl, name))];
    try {
      await Promise.all([migrateDatabase(web), migrateDatabase(worker)]);
      expect(await web.rows("SELECT count(*)::int AS files FROM usage_files")).toEqual([{ files: 0 }]);
    } finally {
      await Promise.all([web.close(), worker.close()]);
      await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
