// The production app as `npm start` runs it (scripts/start.mjs: web server + job worker), on a free
// 127.0.0.1 port and a given database, for benchmarks that go through HTTP.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/free-port";

export interface AppServer {
  baseUrl: string;
  /** Resident memory, in MB, of the app's process tree (start.mjs, the web server, the worker) and of its web part. */
  rssMb(): { total: number; web: number };
  /** The end of what the app wrote to stdout and stderr, for a failed run. */
  logTail(): string;
  /** SIGTERM to start.mjs, which passes it on; SIGKILL to what is left after 20 s. */
  stop(): Promise<void>;
}

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

/** Builds the production bundle when there is none (start.mjs would, but not while a benchmark waits on it). */
export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.error("No production build (.next/BUILD_ID): running `next build` first…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", "inherit", "inherit"] });
  if (build.status !== 0) throw new Error("`next build` failed; run `npm run build` to see why");
}

export async function startAppServer(databaseUrl: string, dataDir: string): Promise<AppServer> {
  const port = await freePort();
  const logPath = path.join(dataDir, "server.log");
  const log = openSync(logPath, "a");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    baseUrl,
    rssMb: () => treeRssMb(child.pid!),
    logTail: () => readFileSync(logPath, "utf8").split("\n").slice(-40).join("\n"),
    stop: () => stopTree(child),
  };
  try {
    await waitUntilAnswering(`${baseUrl}/api/v1/openapi.json`, child);
  } catch (error) {
    await server.stop();
    console.error(server.logTail());
    throw error;
  }
  return server;
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${url} within 180 s`);
}

async function stopTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const tree = descendants(child.pid!);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 20_000).unref());
  if ((await Promise.race([exited, timeout])) === "timeout") {
    for (const pid of [child.pid!, ...tree]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function isWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/worker.ts");
  } catch {
    return false;
  }
}

function treeRssMb(root: number): { total: number; web: number } {
  let total = rssKb(root);
  let web = total;
  for (const child of descendants(root)) {
    const kb = rssKb(child);
    total += kb;
    // The worker and anything under it are the job side; the rest serves requests.
    if (!isWorker(child) && !ancestorsOf(child, root).some(isWorker)) web += kb;
  }
  return { total: total / 1024, web: web / 1024 };
}

function ancestorsOf(pid: number, root: number): number[] {
  const ancestors: number[] = [];
  let current = pid;
  while (current !== root && current > 1) {
    try {
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      current = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      ancestors.push(current);
    } catch {
      break;
    }
  }
  return ancestors;
}
