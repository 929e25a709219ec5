import type { UsageFileStatus } from "@/lib/domain/usage-file-status";

const tones: Record<UsageFileStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  uploading: "bg-sky-50 text-sky-700 ring-sky-200",
  processing: "bg-sky-50 text-sky-700 ring-sky-200",
  invalid: "bg-red-50 text-red-700 ring-red-200",
  ready: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  accepted: "bg-green-50 text-green-700 ring-green-200",
  rejected: "bg-rose-50 text-rose-700 ring-rose-200",
  closed: "bg-slate-800 text-white ring-slate-800",
  deleted: "bg-slate-50 text-slate-400 ring-slate-200",
};

/** A file's status, coloured by status; the label comes from the server (`statusLabels`), so browsers need no domain module. */
export function StatusBadge({ status, label }: { status: UsageFileStatus; label: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[status]}`}
    >
      {label}
    </span>
  );
}
