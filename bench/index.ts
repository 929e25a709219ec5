// `npm run bench -- <suite> [--rows N]`: one JSON line per figure on stdout.
import { parseArgs } from "node:util";
import { benchIngest } from "./ingest";
import { benchReview } from "./review";

const suites: Record<string, (options: { rows: number }) => Promise<void>> = {
  ingest: benchIngest,
  review: benchReview,
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: "string", default: "1000000" } },
});
const suite = suites[positionals[0] ?? ""];
if (!suite) {
  console.error(`Usage: npm run bench -- <${Object.keys(suites).join("|")}> [--rows N]`);
  process.exit(2);
}
await suite({ rows: Number(values.rows) });
process.exit(0);
