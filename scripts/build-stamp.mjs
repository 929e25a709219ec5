// Whether the production bundle is missing or older than the sources: `npm start` builds then, and
// so does any script that starts the app more than once (two builds into one .next would clash).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourceEntries = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "package.json",
  "tailwind.config.ts",
  "postcss.config.mjs",
];
const buildStamp = ".next/BUILD_ID";

function newestMtime(entry) {
  if (!existsSync(entry) || entry.endsWith(".test.ts")) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stats.mtimeMs,
  );
}

export function buildIsStale() {
  if (!existsSync(buildStamp)) return true;
  const builtAt = statSync(buildStamp).mtimeMs;
  return sourceEntries.some((entry) => newestMtime(entry) > builtAt);
}
