import type { UsageFileStats } from "@/lib/domain/usage-stats";

/** Records total, valid and invalid, from the stats stored with the file. */
export function RecordCounts({ stats }: { stats: UsageFileStats }) {
  const counts = [
    ["Records", stats.records, "text-slate-900"],
    ["Valid", stats.valid, "text-emerald-700"],
    ["Invalid", stats.invalid, stats.invalid > 0 ? "text-red-700" : "text-slate-900"],
  ] as const;
  return (
    <dl className="mb-4 grid grid-cols-3 gap-3">
      {counts.map(([label, value, tone]) => (
        <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
          <dd className={`text-xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}
