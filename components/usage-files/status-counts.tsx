import { statusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";

export function StatusCounts({
  counts,
  statuses,
}: {
  counts: Partial<Record<UsageFileStatus, number>>;
  statuses: readonly UsageFileStatus[];
}) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
      {statuses.map((status) => (
        <div key={status} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-medium uppercase text-slate-500">{statusLabels[status]}</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid={`count-${status}`}>
            {counts[status] ?? 0}
          </dd>
        </div>
      ))}
    </dl>
  );
}
