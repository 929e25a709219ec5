// Writes the ingest benchmark's workbook and CSV. Run in a process of its own (generateInputs), so
// that the memory spent generating them is not counted in the ingest's peak RSS.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeCsv, writeXlsx } from "./generate-sheet";
import { benchRows } from "./usage-rows";

interface Inputs {
  rows: number;
  periodFrom: Date;
  periodTo: Date;
  /** None: the CSV alone. */
  xlsxPath: string | null;
  csvPath: string;
  /** Spread the usage over this many of the guard benchmark's subscriptions (bench/usage-rows.ts). */
  subscriptions?: number;
}

export function generateInputs(inputs: Inputs): void {
  const script = fileURLToPath(import.meta.url);
  const args = [
    String(inputs.rows),
    inputs.periodFrom.toISOString(),
    inputs.periodTo.toISOString(),
    inputs.xlsxPath ?? "",
    inputs.csvPath,
    String(inputs.subscriptions ?? ""),
  ];
  execFileSync(process.execPath, [...process.execArgv, script, ...args], { stdio: "inherit" });
}

async function main([rows, from, to, xlsxPath, csvPath, subscriptions]: string[]): Promise<void> {
  const generated = () => benchRows(Number(rows), new Date(from!), new Date(to!), Number(subscriptions) || undefined);
  if (xlsxPath) await writeXlsx(xlsxPath, [{ name: "records", rows: generated() }]);
  await writeCsv(csvPath!, generated());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
