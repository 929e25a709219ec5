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
  xlsxPath: string;
  csvPath: string;
}

export function generateInputs(inputs: Inputs): void {
  const script = fileURLToPath(import.meta.url);
  const args = [
    String(inputs.rows),
    inputs.periodFrom.toISOString(),
    inputs.periodTo.toISOString(),
    inputs.xlsxPath,
    inputs.csvPath,
  ];
  execFileSync(process.execPath, [...process.execArgv, script, ...args], { stdio: "inherit" });
}

async function main([rows, from, to, xlsxPath, csvPath]: string[]): Promise<void> {
  const periodFrom = new Date(from!);
  const periodTo = new Date(to!);
  await writeXlsx(xlsxPath!, [{ name: "records", rows: benchRows(Number(rows), periodFrom, periodTo) }]);
  await writeCsv(csvPath!, benchRows(Number(rows), periodFrom, periodTo));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
