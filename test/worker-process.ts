import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

const workers: ChildProcess[] = [];

/** The worker process `npm start` runs, on the database at `databaseUrl`, with `env` added. */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", ...env },
    stdio: "ignore",
  });
  workers.push(worker);
  return worker;
}

/** Kills the worker processes still running (for `afterEach`). */
export async function killWorkerProcesses(): Promise<void> {
  for (const worker of workers.splice(0)) {
    if (worker.exitCode === null && worker.signalCode === null) {
      worker.kill("SIGKILL");
      await once(worker, "exit");
    }
  }
}
