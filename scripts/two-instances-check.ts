// `npm run test:two-instances`: two instances of the app (each `node scripts/start.mjs`: web server
// and job worker) behind nginx in round robin, on one fresh PostgreSQL database. Checks that a
// session made on one instance works on the other, that uploads made through one are processed by
// either worker, once each, and that nginx spreads the requests. Exits non-zero on any failure;
// stops every process it started and drops its database, whatever happens.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { requiredRecordColumns } from "@/lib/domain/usage-sheet";
import { buildIsStale } from "./build-stamp.mjs";
import { freePort } from "@/lib/free-port";

// Built first, before any temp dir or process exists and outside the time limit: two instances
// finding the bundle stale would both build into .next.
if (buildIsStale()) {
  log("Building the production bundle first (missing or older than the sources)…");
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

const serverUrl = process.env.TWO_INSTANCES_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const timeLimitMs = 5 * 60_000;
const password = "demo-pass-2026";
const databaseName = `two_instances_${process.pid}_${Date.now()}`;
const databaseUrl = withDatabase(serverUrl, databaseName);
const authSecret = `two-instances-${Date.now()}-shared-secret-of-both`;
const tempDir = mkdtempSync(path.join(tmpdir(), "two-instances-"));
// nginx's workers run as nobody when started by root: they must reach their temp folders here.
chmodSync(tempDir, 0o755);

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
let db: postgres.Sql | undefined;
let databaseCreated = false;

interface Instance {
  name: string;
  url: string;
  address: string;
  child: ChildProcess;
  output: string[];
}
const instances: Instance[] = [];
let nginx: ChildProcess | undefined;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function log(line: string): void {
  console.log(line);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
  log(`  ok  ${message}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const instance of instances) {
      if (instance.child.exitCode !== null) throw new Error(`${instance.name} stopped while waiting for ${what}`);
    }
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

function startInstance(name: string, port: number, seed: boolean): Instance {
  const output: string[] = [];
  const file = createWriteStream(path.join(tempDir, `${name}.log`));
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    detached: true, // its own process group: a last-resort kill reaches the server and worker too
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      SEED_DEMO_DATA: String(seed),
      DATA_DIR: path.join(tempDir, `${name}-data`),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      file.write(chunk);
      output.push(...chunk.split("\n").filter(Boolean));
    });
  }
  const instance = { name, url: `http://127.0.0.1:${port}`, address: `127.0.0.1:${port}`, child, output };
  instances.push(instance);
  return instance;
}

function startNginx(port: number, upstreams: Instance[]): void {
  const config = path.join(tempDir, "nginx.conf");
  const temp = (name: string) => path.join(tempDir, `nginx-${name}`);
  writeFileSync(
    config,
    `daemon off;
worker_processes 1;
pid ${temp("pid")};
error_log ${temp("error.log")} notice;
events { worker_connections 256; }
http {
  log_format upstream '$request_method $uri $status $upstream_addr';
  access_log ${temp("access.log")} upstream;
  client_body_temp_path ${temp("client-body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  client_max_body_size 100m;
  upstream portal {
${upstreams.map((instance) => `    server ${instance.address};`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`,
  );
  nginx = spawn("nginx", ["-c", config, "-p", tempDir, "-e", temp("error.log")], { stdio: "inherit" });
}

/** Which instance nginx sent each GET of `uri` to, in order. */
function upstreamsInAccessLog(uri: string): string[] {
  return readFileSync(path.join(tempDir, "nginx-access.log"), "utf8")
    .split("\n")
    .map((line) => line.split(" "))
    .filter(([method, loggedUri]) => method === "GET" && loggedUri === uri)
    .map((fields) => fields.slice(3).join(" "));
}

/** Which instance nginx sent each upload to, by usage file id. */
function uploadsInAccessLog(): [string, string][] {
  return readFileSync(path.join(tempDir, "nginx-access.log"), "utf8")
    .split("\n")
    .flatMap((line) => {
      const [method, uri, status, upstream] = line.split(" ");
      const id = /^\/api\/v1\/usage\/files\/([^/]+)\/upload$/.exec(uri ?? "")?.[1];
      return method === "POST" && status?.startsWith("2") && id && upstream ? [[id, upstream] as [string, string]] : [];
    });
}

/** Signs in through Auth.js's own endpoints at `base`; returns the Cookie header of the session. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const session = cookieHeader(response)
    .split("; ")
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`signing in as ${email} at ${base} gave no session cookie (${response.status})`);
  return session;
}

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function api<T>(base: string, auth: Record<string, string>, route: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/api/v1${route}`, { ...init, headers: { ...auth, ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${route} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

interface Sheet {
  item: string;
  quantity: string;
  asset: string;
}
const acme = { productId: "PRD-100-001", contractId: "CRD-00001" };
const acmeSheet: Sheet = { item: "ACME-VCPU-HR", quantity: "12.25", asset: "EXT-100001001" };
const globex = { productId: "PRD-200-001", contractId: "CRD-00003" };
const globexSheet: Sheet = { item: "GLX-SEAT", quantity: "3", asset: "EXT-200001001" };

/** The last full month, the demo files' period. */
function lastFullMonth(): { first: Date; last: Date } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { first, last };
}

function csvOf(sheet: Sheet, records: number, prefix: string): string {
  const { first } = lastFullMonth();
  const text = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  const rows = Array.from({ length: records }, (_, row) => {
    const start = new Date(first.getTime() + (row % 28) * 86_400_000);
    const end = new Date(start.getTime() + 86_400_000);
    const cells = [`${prefix}-${row}`, "item.mpn", sheet.item, sheet.quantity, text(start), text(end)];
    return [...cells, "asset.external_id", sheet.asset].join(",");
  });
  return [requiredRecordColumns("QT").join(","), ...rows].join("\n");
}

async function upload(base: string, auth: Record<string, string>, fileId: string, csv: string): Promise<void> {
  const form = new FormData();
  form.append("usage_file", new Blob([csv], { type: "text/csv" }), `${fileId}.csv`);
  await api(base, auth, `/usage/files/${fileId}/upload`, { method: "POST", body: form });
}

async function createDraft(base: string, auth: Record<string, string>, owner: typeof acme, name: string) {
  const { first, last } = lastFullMonth();
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const body = {
    product_id: owner.productId,
    contract_id: owner.contractId,
    name,
    currency: "USD",
    first_day: day(first),
    last_day: day(last),
  };
  const created = await api<{ id: string }>(base, auth, "/usage/files", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return created.id;
}

function createApiKey(email: string): string {
  const result = spawnSync("npm", ["run", "--silent", "admin", "--", "create-api-key", "--email", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  const key = /urp_\S+/.exec(result.stdout)?.[0];
  if (!key) throw new Error(`create-api-key failed: ${result.stderr}${result.stdout}`);
  return key;
}

async function checks(): Promise<void> {
  const started = Date.now();

  await admin.unsafe(`CREATE DATABASE "${databaseName}"`);
  databaseCreated = true;
  db = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  log(`Database ${databaseName} created; temp dir ${tempDir}`);

  // Both migrate at once (an advisory lock keeps them in turn); only the first loads the demo data.
  const [portA, portB, portProxy] = [await freePort(), await freePort(), await freePort()];
  const a = startInstance("instance-a", portA, true);
  const b = startInstance("instance-b", portB, false);
  for (const instance of [a, b]) {
    await waitFor(`${instance.name} to serve`, 180_000, async () =>
      (await fetch(`${instance.url}/sign-in`)).ok ? true : undefined,
    );
  }
  log(`Instances up in ${((Date.now() - started) / 1000).toFixed(1)} s: A ${a.url}, B ${b.url}`);
  startNginx(portProxy, [a, b]);
  const proxy = `http://127.0.0.1:${portProxy}`;
  // The probe asks another path: its access-log line may be written after the round-robin requests start.
  await waitFor("nginx to serve", 20_000, async () => ((await fetch(`${proxy}/api/auth/csrf`)).ok ? true : undefined));
  log(`nginx up at ${proxy}, round robin over both`);

  log("\nnginx alternates between the instances");
  for (let request = 0; request < 6; request++) await fetch(`${proxy}/sign-in`).then((r) => r.arrayBuffer());
  // nginx logs a request after its last byte is sent, so the last line may come a moment after the response.
  const served = await waitFor("nginx to log the requests", 5_000, async () => {
    const logged = upstreamsInAccessLog("/sign-in");
    return logged.length >= 6 ? logged : undefined;
  });
  check(
    served.length === 6 && served.every((upstream, i) => i === 0 || upstream !== served[i - 1]),
    `6 requests through nginx went to ${served.join(", ")}`,
  );
  check(new Set(served).size === 2, "both instances served requests through nginx");

  log("\nA session made on one instance works on the other");
  const acmeSession = { cookie: await signIn(a.url, "vendor@acme.test") };
  log("  ok  vendor@acme.test signed in at instance A");
  const page = await fetch(`${b.url}/vendor`, { headers: acmeSession, redirect: "manual" });
  const html = await page.text();
  check(
    page.status === 200 && html.includes("Acme Compute"),
    `instance B serves /vendor to A's session (${page.status})`,
  );
  const globexSession = { cookie: await signIn(proxy, "vendor@globex.test") };
  log("  ok  vendor@globex.test signed in through nginx (CSRF token and sign-in on different instances)");
  const globexFiles = await api<unknown[]>(b.url, globexSession, "/usage/files");
  check(
    globexFiles.length > 0 && !JSON.stringify(globexFiles).includes("Acme"),
    `instance B lists Globex's ${globexFiles.length} file(s), and no Acme one, to that session`,
  );

  log("\nAn upload through one instance is processed by a worker");
  const expected = new Map<string, number>();
  const seededDraft = "UF-2026-10-1001-0001";
  await upload(b.url, acmeSession, seededDraft, csvOf(acmeSheet, 1500, "b"));
  expected.set(seededDraft, 1500);
  log(`  ok  ${seededDraft} uploaded at instance B with A's session (1500 records)`);

  log("\nSix uploads through nginx, Acme (session) and Globex (API key)");
  const globexKey = { authorization: `ApiKey ${createApiKey("vendor@globex.test")}` };
  log("  ok  API key for vendor@globex.test made by `npm run admin -- create-api-key`");
  const batch: { id: string; records: number; csv: string; auth: Record<string, string> }[] = [];
  for (let index = 0; index < 3; index++) {
    for (const [auth, owner, sheet] of [
      [acmeSession, acme, acmeSheet],
      [globexKey, globex, globexSheet],
    ] as const) {
      const id = await createDraft(proxy, auth, owner, `Two instances ${owner.productId} #${index + 1}`);
      const records = 20_000 + index * 1_111 + (owner === globex ? 7 : 0);
      batch.push({ id, records, csv: csvOf(sheet, records, `r${index}`), auth });
    }
  }
  await Promise.all(batch.map(({ id, csv, auth }) => upload(proxy, auth, id, csv)));
  for (const { id, records } of batch) expected.set(id, records);
  log(`  ok  created and uploaded ${batch.map(({ id, records }) => `${id} (${records})`).join(", ")}`);

  const ids = [...expected.keys()];
  const statuses = await waitFor("every file to be Ready or Invalid", 180_000, async () => {
    const rows = await db!<{ id: string; status: string }[]>`
      SELECT id, status FROM usage_files WHERE id = ANY(${ids})`;
    return rows.every((row) => row.status === "ready" || row.status === "invalid") ? rows : undefined;
  });
  const notReady = statuses.filter((row) => row.status !== "ready").map((row) => `${row.id} ${row.status}`);
  check(
    statuses.length === ids.length && notReady.length === 0,
    `all ${ids.length} files reached Ready${notReady.length > 0 ? ` (not: ${notReady.join(", ")})` : ""}`,
  );
  const counts = await db!<{ id: string; records: number }[]>`
    SELECT f.id, count(r.id)::int AS records FROM usage_files f
    LEFT JOIN usage_records r ON r.usage_file_id = f.id AND r.generation = f.generation
    WHERE f.id = ANY(${ids}) GROUP BY f.id`;
  for (const { id, records } of counts) check(records === expected.get(id), `${id} holds exactly ${records} records`);

  log("\nNo file was processed twice, and both workers took part");
  const finishes = await db!<{ id: string; finishes: number }[]>`
    SELECT object_id AS id, count(*)::int AS finishes FROM events
    WHERE object_type = 'usage_file' AND action IN ('finish_valid', 'finish_invalid') AND object_id = ANY(${ids})
    GROUP BY object_id`;
  check(
    finishes.length === ids.length && finishes.every((row) => row.finishes === 1),
    `one finish_valid/finish_invalid event per upload for each of the ${ids.length} files`,
  );
  const processedBy = (instance: Instance) =>
    instance.output.flatMap((line) => /Processed (UF-\S+)/.exec(line)?.[1] ?? []).filter((id) => expected.has(id));
  const [byA, byB] = [processedBy(a), processedBy(b)];
  log(`      worker A processed ${byA.join(", ") || "nothing"}`);
  log(`      worker B processed ${byB.join(", ") || "nothing"}`);
  const all = [...byA, ...byB];
  check(all.length === ids.length && new Set(all).size === ids.length, "each file was processed by exactly one worker");
  check(byA.length > 0 && byB.length > 0, "both workers processed files");
  const uploadedAt = new Map(uploadsInAccessLog());
  uploadedAt.set(seededDraft, b.address);
  const processedAt = (id: string) => (byA.includes(id) ? a : b).address;
  const nameOf = (address: string | undefined) => (address === a.address ? "A" : address === b.address ? "B" : "?");
  for (const id of ids) {
    log(`      ${id} uploaded at ${nameOf(uploadedAt.get(id))}, processed by worker ${nameOf(processedAt(id))}`);
  }
  const crossed = ids.filter((id) => uploadedAt.get(id) !== processedAt(id));
  check(
    ids.every((id) => uploadedAt.has(id)),
    "nginx's access log names the instance of each upload",
  );
  check(crossed.length > 0, `${crossed.length} file(s) uploaded at one instance were processed by the other's worker`);
  const jobs = await db!<{ id: string; jobs: number; states: string[] }[]>`
    SELECT data->>'usageFileId' AS id, count(*)::int AS jobs, array_agg(DISTINCT state::text) AS states
    FROM pgboss.job WHERE name = 'process-usage-file' AND data->>'usageFileId' = ANY(${ids})
    GROUP BY 1`;
  check(
    jobs.length === ids.length && jobs.every((job) => job.jobs === 1 && job.states.join() === "completed"),
    "pg-boss holds one completed processing job per file",
  );

  log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals, group: boolean): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) {
    if (group) process.kill(-child.pid, "SIGKILL");
    else child.kill("SIGKILL");
    await exited;
  }
}

async function cleanUp(failed: boolean): Promise<void> {
  if (failed) {
    for (const name of ["instance-a.log", "instance-b.log", "nginx-error.log"]) {
      try {
        const lines = readFileSync(path.join(tempDir, name), "utf8").trimEnd().split("\n");
        console.error(`\n--- last lines of ${name}\n${lines.slice(-30).join("\n")}`);
      } catch {
        // never written: the run failed before this process started
      }
    }
  }
  await stop(nginx, "SIGQUIT", false);
  await Promise.all(instances.map((instance) => stop(instance.child, "SIGTERM", true)));
  await db?.end({ timeout: 5 });
  if (databaseCreated) await admin.unsafe(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end({ timeout: 5 });
  rmSync(tempDir, { recursive: true, force: true });
  log(`Cleaned up: processes stopped, database ${databaseName} dropped, ${tempDir} removed`);
}

let failure: unknown;
const interrupted = new Promise<never>((_, reject) => {
  setTimeout(() => reject(new Error(`over the ${timeLimitMs / 60_000}-minute limit`)), timeLimitMs).unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => reject(new Error(signal)));
});
interrupted.catch(() => {});
try {
  await Promise.race([checks(), interrupted]);
} catch (error) {
  failure = error;
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
}
try {
  await cleanUp(failure !== undefined);
} catch (error) {
  console.error("Cleaning up failed:", error);
  failure ??= error;
}
process.exit(failure === undefined ? 0 : 1);
