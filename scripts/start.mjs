// `npm start`: builds the production bundle when it is missing or older than the sources, then
// serves it and runs the job worker in a process of its own, so a heavy upload never stalls pages.
// Migrations and demo data are applied by the server itself when it starts.
import { spawnSync, spawn } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-stamp.mjs";

const next = path.join("node_modules", "next", "dist", "bin", "next");

if (buildIsStale()) {
  console.log("Building the production bundle (first start or sources changed)…");
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const children = [
  spawn(process.execPath, [next, "start", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, JOBS_IN_PROCESS: "false" },
  }),
  // tsx as a loader, not its CLI: the CLI would run the worker in a child of its own, out of reach of a signal.
  spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], { stdio: "inherit" }),
];
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => children.forEach((child) => child.kill(signal)));
// The app is both processes or neither: when one stops, the other is stopped, and npm start ends.
for (const child of children) {
  child.on("exit", (code) => {
    process.exitCode ||= code ?? 0;
    for (const other of children) if (other.exitCode === null && other.signalCode === null) other.kill("SIGTERM");
  });
}
