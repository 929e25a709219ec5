// The process `measureApart` (bench/apart.ts) starts: connects to the suite's database, runs one
// step and prints how long it took and the process's peak memory as its last line.
import { fileURLToPath } from "node:url";
import { openPostgres, replaceDatabase } from "@/db/client";
import { getJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { distributor } from "./review-actors";
import { reconcileAll } from "./reconciliation";
import { exportCsv, exportXlsx, processedWorkbook } from "./spreadsheet-downloads";
import { timed } from "./report";

export type StepName = "export-csv" | "export-xlsx" | "processed-file" | "reconcile";

const steps: Record<StepName, (args: string[]) => Promise<unknown>> = {
  "export-csv": ([fileId, rows]: string[]) => exportCsv(distributor, fileId!, Number(rows)),
  "export-xlsx": ([fileId]: string[]) => exportXlsx(distributor, fileId!),
  "processed-file": ([path, rows]: string[]) => processedWorkbook(path!, Number(rows)),
  reconcile: ([fileId, path, rows]: string[]) => reconcileAll(distributor, fileId!, path!, Number(rows)),
};

async function main([step, databaseUrl, ...args]: string[]): Promise<void> {
  const handle = openPostgres(databaseUrl!);
  replaceDatabase(handle);
  await getJobQueue(); // started before timing, as a running server has it (a big reconciliation queues a job)
  try {
    const { seconds } = await timed(() => steps[step as StepName](args));
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ seconds, peakRssMb }));
  } finally {
    await stopJobQueue();
    await handle.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
