import type { UsageRecordStatus } from "@/lib/domain/usage-file-status";

const tones: Record<UsageRecordStatus, string> = {
  uploaded: "bg-slate-100 text-slate-700",
  validated: "bg-emerald-50 text-emerald-700",
  invalid: "bg-red-50 text-red-700",
  pending: "bg-amber-50 text-amber-800",
  accepted: "bg-green-50 text-green-700",
  rejected: "bg-rose-50 text-rose-700",
  closed: "bg-slate-800 text-white",
};

/** A record's status; the label comes from the server (`recordStatusLabels`), so browsers need no domain module. */
export function RecordStatusBadge({ status, label }: { status: UsageRecordStatus; label: string }) {
  return <span className={`inline-flex rounded px-2 py-0.5 text-xs font-medium ${tones[status]}`}>{label}</span>;
}
