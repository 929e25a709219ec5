import type { TestProject } from "vitest/node";
import { ensureEmbeddedServer, stopOwnEmbeddedServer } from "@/db/embedded-server";
import { dataDir } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server each test file creates its own database on. */
    databaseServerUrl: string;
  }
}

/**
 * Tests run on DATABASE_URL's server when it is set, else on the embedded server under the data
 * directory, started here once for every test worker (and stopped afterwards if this run started it).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide("databaseServerUrl", process.env.DATABASE_URL ?? (await ensureEmbeddedServer(dataDir)));
  return stopOwnEmbeddedServer;
}
