import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { ensureEmbeddedServer, stopOwnEmbeddedServer } from "./embedded-server";

const dirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "embedded-server-test-"));
  dirs.push(dir);
  return dir;
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilDead(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(text)) as unknown as T[];
  } finally {
    await client.end();
  }
}

/** The pid of a process that has exited: what an owner killed with -9 leaves in the owner file. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!;
}

afterAll(async () => {
  await stopOwnEmbeddedServer();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL server", () => {
  const dataDir = newDataDir();

  it("starts once in its data directory, on a port of its own, and is shared by the next caller", async () => {
    const url = await ensureEmbeddedServer(dataDir);
    const pid = postmasterPid(dataDir);
    expect(await ensureEmbeddedServer(dataDir)).toBe(url);
    expect(postmasterPid(dataDir)).toBe(pid);
    const [setting] = await query<{ server_version: string }>(url, "SHOW server_version");
    expect(setting?.server_version).toMatch(/^17\./);
    await query(url, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
  });

  it("is started once when two callers ask at the same moment, the first time", async () => {
    const fresh = newDataDir();
    const [first, second] = await Promise.all([ensureEmbeddedServer(fresh), ensureEmbeddedServer(fresh)]);
    expect(second).toBe(first);
    expect(await query(first, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    process.kill(postmasterPid(fresh), "SIGINT");
  });

  it("restarts a server whose owner was killed, with the data kept", async () => {
    const before = postmasterPid(dataDir);
    writeFileSync(path.join(dataDir, "postgres.owner"), String(deadPid()));
    const url = await ensureEmbeddedServer(dataDir);
    expect(postmasterPid(dataDir)).not.toBe(before);
    expect(readFileSync(path.join(dataDir, "postgres.owner"), "utf8")).toBe(String(process.pid));
    expect(await query(url, "SELECT id FROM kept")).toEqual([{ id: 42 }]);
  });

  it("starts again after the server itself was killed and left its postmaster.pid behind", async () => {
    const killed = postmasterPid(dataDir);
    process.kill(killed, "SIGKILL");
    await untilDead(killed);
    const url = await ensureEmbeddedServer(dataDir);
    expect(await query(url, "SELECT id FROM kept")).toEqual([{ id: 42 }]);
  });
});

describe("the embedded server refuses to start with one line saying what to do", () => {
  it("when its port is taken by another program", async () => {
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as { port: number }).port;
    const dataDir = newDataDir();
    writeFileSync(path.join(dataDir, "postgres.json"), JSON.stringify({ port, password: "secret" }));
    try {
      await expect(ensureEmbeddedServer(dataDir)).rejects.toThrow(
        `Port ${port}, kept for the embedded PostgreSQL in ${dataDir}/postgres.json, is taken by another program`,
      );
    } finally {
      other.close();
    }
  });

  it("when its data directory was made by another PostgreSQL major", async () => {
    const dataDir = newDataDir();
    mkdirSync(path.join(dataDir, "postgres"));
    writeFileSync(path.join(dataDir, "postgres", "PG_VERSION"), "16\n");
    await expect(ensureEmbeddedServer(dataDir)).rejects.toThrow(
      /was made by PostgreSQL 16; this app runs PostgreSQL 17\. Move that folder aside/,
    );
  });

  it("when its data directory is read-only", async () => {
    const dataDir = newDataDir();
    execFileSync("chattr", ["+i", dataDir]);
    try {
      await expect(ensureEmbeddedServer(dataDir)).rejects.toThrow(`The data directory ${dataDir} is not writable`);
    } finally {
      execFileSync("chattr", ["-i", dataDir]);
    }
  });
});
