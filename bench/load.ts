// Load benchmark (issue 16): the production app (`node scripts/start.mjs`) on a database of its own
// with a big Pending file, 50 API clients over HTTP for a bounded time, then the same while a CSV of
// as many records is uploaded and processed by the worker.
import { openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { type Database, replaceDatabase, scratchServerUrl } from "@/db/client";
import { createEphemeralDatabase } from "@/db/ephemeral";
import { demoUsers, seedDemoData } from "@/db/seed";
import { currentRecordsOf } from "@/db/record-partitions";
import { usageFiles, usageRecords } from "@/db/schema";
import { encodeRecordListCursor } from "@/lib/domain/record-list-cursor";
import type { UsageRecordSortColumn } from "@/lib/domain/usage-record-query";
import { createApiKey } from "@/lib/server/auth/api-keys";
import { recordListPosition } from "@/lib/server/queries/usage-records";
import { submitUsageFile } from "@/lib/server/usage-files/submit-usage-file";
import { type AppServer, ensureBuild, startAppServer } from "./app-server";
import { type LoadResult, type LoadTarget, recordListOrders, runLoad } from "./api-load";
import { writeCsv } from "./generate-sheet";
import { newDraft } from "./ingest";
import { p95, reportFigure } from "./report";
import { benchFileId, seedReadyFile } from "./review";
import { benchRows } from "./usage-rows";

const clients = 50;
const uploadTemplateId = "UF-2026-10-1001-0001";
const uploadFileId = "UF-2026-10-9200-0001";
const user = (email: string) => demoUsers.find((u) => u.email === email)!;
const vendor = user("vendor@acme.test");
const distributor = user("distributor@northwind.test");

export async function benchLoad({ rows, seconds }: { rows: number; seconds: number }): Promise<void> {
  ensureBuild();
  const database = await createEphemeralDatabase(await scratchServerUrl(), "usage_portal_load");
  const dir = await mkdtemp(path.join(tmpdir(), "usage-load-"));
  let app: AppServer | null = null;
  try {
    replaceDatabase(database.handle);
    const db = database.handle.db;
    await seedDemoData(db);
    progress(`seeding a Ready file of ${rows} records`);
    await seedReadyFile(database.handle, rows);
    // Pending: the vendor and its distributor both see it.
    const submitted = await submitUsageFile(
      { userId: vendor.id, accountId: vendor.accountId, role: "vendor" },
      benchFileId,
    );
    if (!submitted.ok) throw new Error(submitted.message);
    const [template] = await db.select().from(usageFiles).where(eq(usageFiles.id, uploadTemplateId));
    await newDraft(db, template!, uploadFileId);
    const vendorKey = (await createApiKey(vendor.id, "load bench uploader")).key;
    // Half the clients are the vendor's integrations, half the distributor's, each with a key of its own.
    const keys = await Promise.all(
      Array.from(
        { length: clients },
        async (_, n) => (await createApiKey((n % 2 ? distributor : vendor).id, `load ${n}`)).key,
      ),
    );
    const csvPath = path.join(dir, "usage.csv");
    progress(`writing a CSV of ${rows} records`);
    await writeCsv(csvPath, benchRows(rows, template!.periodFrom, template!.periodTo));

    progress("starting the app");
    app = await startAppServer(database.handle.url, dir);
    const target: LoadTarget = {
      baseUrl: app.baseUrl,
      keys,
      fileIds: await filesSeenByBoth(app.baseUrl, keys[0]!, keys[1]!),
      recordsFileId: benchFileId,
      records: rows,
      resumeCursors: await resumeCursors(db, benchFileId, 20),
    };
    // A short warm-up: the first requests compile routes and fill the pools.
    const warmUntil = Date.now() + 5_000;
    await runLoad(target, () => Date.now() > warmUntil);

    progress(`${clients} clients for ${seconds} s`);
    const idle = await measured(app, () => {
      const until = Date.now() + seconds * 1000;
      return runLoad(target, () => Date.now() > until);
    });
    // The machine's 1-minute load average at the end of the phase: other work on it slows every figure.
    const details = {
      rows,
      clients,
      seconds: round(idle.load.seconds),
      requests: idle.load.requests,
      load_average: round(loadavg()[0]!),
    };
    reportFigure("load_requests_per_s", idle.load.requests / idle.load.seconds, details);
    reportFigure("load_p95_ms", p95(idle.load.latenciesMs), { ...details, p95_ms_by_kind: p95ByKind(idle.load) });
    reportFigure("load_errors", idle.load.errors, { ...details, samples: idle.load.errorSamples });
    reportFigure("load_server_peak_rss_mb", idle.peak.total, {
      ...details,
      web_server_peak_rss_mb: round(idle.peak.web),
    });

    progress(`${clients} clients while a CSV of ${rows} records is uploaded and processed`);
    const ingest = await measured(app, () => loadDuringIngest(target, vendorKey, csvPath));
    const ingestDetails = {
      rows,
      clients,
      requests: ingest.load.requests,
      ingest_seconds: round(ingest.load.seconds),
      load_average: round(loadavg()[0]!),
    };
    reportFigure("load_during_ingest_p95_ms", p95(ingest.load.latenciesMs), {
      ...ingestDetails,
      idle_p95_ms: round(p95(idle.load.latenciesMs)),
      p95_ms_by_kind: p95ByKind(ingest.load),
    });
    reportFigure("load_during_ingest_requests_per_s", ingest.load.requests / ingest.load.seconds, ingestDetails);
    reportFigure("load_during_ingest_errors", ingest.load.errors, {
      ...ingestDetails,
      samples: ingest.load.errorSamples,
    });
    reportFigure("load_during_ingest_server_peak_rss_mb", ingest.peak.total, {
      ...ingestDetails,
      web_server_peak_rss_mb: round(ingest.peak.web),
    });
  } catch (error) {
    if (app) console.error(`The app's last lines:\n${app.logTail()}`);
    throw error;
  } finally {
    await app?.stop();
    await database.handle.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The load, with the app's peak resident memory sampled every 200 ms while it runs. */
async function measured(
  app: AppServer,
  work: () => Promise<LoadResult>,
): Promise<{ load: LoadResult; peak: { total: number; web: number } }> {
  const peak = app.rssMb();
  const sample = () => {
    const now = app.rssMb();
    peak.total = Math.max(peak.total, now.total);
    peak.web = Math.max(peak.web, now.web);
  };
  const timer = setInterval(sample, 200);
  try {
    const load = await work();
    sample();
    return { load, peak };
  } finally {
    clearInterval(timer);
  }
}

/** The clients run from the upload's start until the worker has the file Ready. */
async function loadDuringIngest(target: LoadTarget, vendorKey: string, csvPath: string): Promise<LoadResult> {
  let finished = false;
  const load = runLoad(target, () => finished);
  try {
    await uploadAndWait(target.baseUrl, vendorKey, csvPath);
  } finally {
    finished = true;
  }
  return load;
}

async function uploadAndWait(baseUrl: string, key: string, csvPath: string): Promise<void> {
  const headers = { authorization: `ApiKey ${key}` };
  const form = new FormData();
  form.append("usage_file", await openAsBlob(csvPath, { type: "text/csv" }), "usage.csv");
  const uploaded = await fetch(`${baseUrl}/api/v1/usage/files/${uploadFileId}/upload`, {
    method: "POST",
    headers,
    body: form,
  });
  if (!uploaded.ok) throw new Error(`The upload answered ${uploaded.status}: ${await uploaded.text()}`);
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const file = (await (await fetch(`${baseUrl}/api/v1/usage/files/${uploadFileId}`, { headers })).json()) as {
      status: string;
    };
    if (file.status === "ready") return;
    if (file.status !== "uploading" && file.status !== "processing") {
      throw new Error(`The uploaded file ended ${file.status}: ${JSON.stringify(file)}`);
    }
  }
  throw new Error("The uploaded file was not Ready within 10 minutes");
}

/**
 * For each order of the record list, cursors just past `count` records spread over the file's ids,
 * so at places all over the file in every order: made here as the API makes them.
 */
async function resumeCursors(db: Database, fileId: string, count: number): Promise<Record<string, string[]>> {
  const [file] = await db.select().from(usageFiles).where(eq(usageFiles.id, fileId));
  const [first, last] = [file!.firstRecordId!, file!.lastRecordId!];
  const ids = Array.from({ length: count }, (_, n) => Math.floor(first + ((last - first) * (n + 0.5)) / count));
  const records = await db
    .select()
    .from(usageRecords)
    .where(and(currentRecordsOf(file!), inArray(usageRecords.id, ids)));
  return Object.fromEntries(
    recordListOrders.map((orderBy) => {
      const sort = { column: orderBy.replace(/^-/, "") as UsageRecordSortColumn, desc: orderBy.startsWith("-") };
      return [orderBy, records.map((record) => encodeRecordListCursor(sort, recordListPosition(record, sort.column)))];
    }),
  );
}

/** Ids of the files both callers list, so that every client may read every one. */
async function filesSeenByBoth(baseUrl: string, first: string, second: string): Promise<string[]> {
  const list = async (key: string) => {
    const response = await fetch(`${baseUrl}/api/v1/usage/files?limit=1000`, {
      headers: { authorization: `ApiKey ${key}` },
    });
    if (!response.ok) throw new Error(`Listing files answered ${response.status}`);
    return ((await response.json()) as { id: string }[]).map((file) => file.id);
  };
  const seen = new Set(await list(second));
  return (await list(first)).filter((id) => seen.has(id));
}

function progress(message: string): void {
  console.error(`[load] ${new Date().toISOString().slice(11, 19)} ${message}`);
}

function p95ByKind(load: LoadResult): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(load.latenciesByKindMs).map(([kind, timings]) => [
      kind,
      timings.length ? round(p95(timings)) : null,
    ]),
  );
}

const round = (value: number) => Math.round(value * 100) / 100;
