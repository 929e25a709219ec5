// `npm run bench -- <suite> [--rows N] [--seconds S]`: one JSON line per figure on stdout.
import { parseArgs } from "node:util";

interface Options {
  rows: number;
  /** How long the load suite's clients run (the ingest phase lasts as long as the ingest). */
  seconds: number;
}

// Each suite is loaded when asked for, so that one may set the environment the app reads first.
const suites: Record<string, () => Promise<(options: Options) => Promise<void>>> = {
  ingest: async () => (await import("./ingest")).benchIngest,
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
  options: { rows: { type: "string", default: "1000000" }, seconds: { type: "string", default: "30" } },
});
const suite = suites[positionals[0] ?? ""];
if (!suite) {
  console.error(`Usage: npm run bench -- <${Object.keys(suites).join("|")}> [--rows N] [--seconds S]`);
  process.exit(2);
}
await (
  await suite()
)({ rows: Number(values.rows), seconds: Number(values.seconds) });
process.exit(0);
