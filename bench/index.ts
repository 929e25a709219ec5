// `npm run bench -- <suite> [--rows N] [--seconds S] [--runs N] [--skip-naive]`: one JSON line per figure on stdout.
import { parseArgs } from "node:util";

interface Options {
  rows: number;
  /** How long the load suite's clients run (the ingest phase lasts as long as the ingest). */
  seconds: number;
  /** How many times the ingest suite measures each figure (its lines then give min, median and max). */
  runs: number;
  /** The ingest suite leaves out the naive baseline, which takes minutes at a million rows. */
  skipNaive: boolean;
}

// Each suite is loaded when asked for, so that one may set the environment the app reads first.
const suites: Record<string, () => Promise<(options: Options) => Promise<void>>> = {
  ingest: async () => {
    // The upload limits admit the benchmark's file, as an operator raises them for bigger files.
    const rows = Number(values.rows);
    process.env.UPLOAD_MAX_RECORDS ??= String(Math.max(1_000_000, rows));
    process.env.UPLOAD_MAX_BYTES ??= String(Math.ceil(Math.max(1_000_000, rows) / 1_000_000) * 200 * 1024 * 1024);
    return (await import("./ingest")).benchIngest;
  },
  review: async () => (await import("./review")).benchReview,
  load: async () => (await import("./load")).benchLoad,
  "grid-ui": async () => (await import("./grid-ui")).benchGridUi,
  guard: async () => (await import("./guard")).benchGuard,
  disputes: async () => (await import("./disputes")).benchDisputes,
  webhooks: async () => {
    // The receivers listen on 127.0.0.1 over plain http.
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    return (await import("./webhooks")).benchWebhooks;
  },
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "30" },
    runs: { type: "string", default: "1" },
    "skip-naive": { type: "boolean", default: false },
  },
});
const suite = suites[positionals[0] ?? ""];
if (!suite) {
  console.error(
    `Usage: npm run bench -- <${Object.keys(suites).join("|")}> [--rows N] [--seconds S] [--runs N] [--skip-naive]`,
  );
  process.exit(2);
}
await (
  await suite()
)({
  rows: Number(values.rows),
  seconds: Number(values.seconds),
  runs: Number(values.runs),
  skipNaive: values["skip-naive"],
});
process.exit(0);
