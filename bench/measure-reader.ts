/**
 * Speed and memory of the readers on a generated usage file: a check to run by hand, not a test.
 *
 *   npx tsx bench/measure-reader.ts --rows 1000000 [--regenerate]
 *
 * Writes /tmp/usage-measure-<rows>.xlsx and .csv (kept for the next run unless --regenerate), then
 * reads each in a fresh process and prints rows/s, seconds and peak RSS. The readers start with
 * `import "server-only"`, which throws outside React Server Components unless Node resolves with the
 * `react-server` condition, so the reading processes are started with --conditions=react-server.
 * (To import the readers from a script of your own under tsx, run it with
 * NODE_OPTIONS=--conditions=react-server.)
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeCsv, writeXlsx } from "./generate-sheet";

interface Reading {
  rows: number;
  openSeconds: number;
  seconds: number;
  /** User and system time of the whole process, inflating threads included: steadier than `seconds` on a busy machine. */
  cpuSeconds: number;
  peakRssBytes: number;
}

const { values: options } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    regenerate: { type: "boolean", default: false },
    read: { type: "string" },
  },
});

if (options.read) await printReading(options.read);
else await measure(Number(options.rows), options.regenerate);

async function measure(rowCount: number, regenerate: boolean): Promise<void> {
  const base = `/tmp/usage-measure-${rowCount}`;
  if (regenerate || !existsSync(`${base}.xlsx`) || !existsSync(`${base}.csv`)) await generate(base, rowCount);
  for (const kind of ["xlsx", "csv"]) report(kind, readInFreshProcess(`${base}.${kind}`));
}

async function generate(base: string, rowCount: number): Promise<void> {
  let started = performance.now();
  await writeXlsx(`${base}.xlsx`, [{ name: "records", rows: usageRecords(rowCount) }]);
  console.log(`generated ${base}.xlsx in ${seconds(started)} s`);
  started = performance.now();
  await writeCsv(`${base}.csv`, usageRecords(rowCount));
  console.log(`generated ${base}.csv in ${seconds(started)} s`);
}

/** Records like a vendor's monthly usage file: unique ids, few items and assets, the period's bounds. */
function* usageRecords(count: number): Generator<string[]> {
  yield ["record_id", "item_search_criteria", "item_search_value", "quantity", "start_time_utc", "end_time_utc"].concat(
    ["asset_search_criteria", "asset_search_value", "category_id", "amount", "tier"],
  );
  for (let n = 1; n <= count; n++) {
    const day = String((n % 28) + 1).padStart(2, "0");
    yield [
      `UR-2024-${String(n).padStart(7, "0")}`,
      "item.mpn",
      `MPN-${n % 50}`,
      String((n % 1000) / 4),
      `2024-01-${day} 00:00:00`,
      `2024-01-${day} 23:59:59`,
      "asset.id",
      `AS-0001-${String(n % 997).padStart(4, "0")}`,
      `cat-${n % 5}`,
      String((n % 100) + 0.25),
      String(n % 3),
    ];
  }
}

function readInFreshProcess(path: string): Reading {
  const script = fileURLToPath(import.meta.url);
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, "--conditions=react-server", script, "--read", path],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(output) as Reading;
}

async function printReading(path: string): Promise<void> {
  const { openWorkbook } = await import("@/lib/server/spreadsheet/reader/index");
  const started = performance.now();
  const workbook = await openWorkbook(path);
  const openSeconds = (performance.now() - started) / 1000;
  let rows = 0;
  for await (const batch of workbook.rows(workbook.sheetNames[0] ?? "records")) rows += batch.length;
  await workbook.close();
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  const reading: Reading = {
    rows,
    openSeconds,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (userCPUTime + systemCPUTime) / 1e6,
    peakRssBytes: maxRSS * 1024,
  };
  process.stdout.write(JSON.stringify(reading));
}

function report(kind: string, { rows, openSeconds, seconds: total, cpuSeconds, peakRssBytes }: Reading): void {
  const rate = Math.round(rows / total).toLocaleString("en-US");
  const rss = Math.round(peakRssBytes / 1024 / 1024);
  console.log(
    `${kind.padEnd(4)} ${rows.toLocaleString("en-US")} rows in ${total.toFixed(2)} s (opening ${openSeconds.toFixed(2)} s, ` +
      `process CPU ${cpuSeconds.toFixed(2)} s): ${rate} rows/s, peak RSS ${rss} MB`,
  );
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
