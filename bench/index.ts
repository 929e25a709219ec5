// `npm run bench -- <suite> [--rows N] [--seconds S]`: one JSON line per figure on stdout.
import { parseArgs } from "node:util";
import { benchGridUi } from "./grid-ui";
import { benchIngest } from "./ingest";
import { benchLoad } from "./load";
import { benchReview } from "./review";

interface Options {
  rows: number;
  /** How long the load suite's clients run (the ingest phase lasts as long as the ingest). */
  seconds: number;
}

const suites: Record<string, (options: Options) => Promise<void>> = {
  ingest: benchIngest,
  review: benchReview,
  load: benchLoad,
  "grid-ui": benchGridUi,
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
await suite({ rows: Number(values.rows), seconds: Number(values.seconds) });
process.exit(0);
