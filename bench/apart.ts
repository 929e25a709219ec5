// One step of a benchmark measured in a process of its own: its peak resident memory is then what
// the step costs a server process, not what the suite's earlier steps left in the heap.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { StepName } from "./apart-step";

export interface MeasuredApart {
  seconds: number;
  /** The process's peak resident memory (the kernel's high-water mark), MB. */
  peakRssMb: number;
}

const stepScript = fileURLToPath(new URL("./apart-step.ts", import.meta.url));

/** Runs `step` with `args` against the database at `databaseUrl` in a new process. */
export async function measureApart(step: StepName, databaseUrl: string, args: string[]): Promise<MeasuredApart> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, stepScript, step, databaseUrl, ...args],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as MeasuredApart;
}
