import { statusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import { StatusBadge } from "./status-badge";

const outcomes: Partial<Record<UsageFileStatus, { title: string; tone: string }>> = {
  pending: { title: "Waiting for the distributor's review", tone: "border-amber-200 bg-amber-50 text-amber-900" },
  accepted: { title: "Accepted by the distributor", tone: "border-green-200 bg-green-50 text-green-900" },
  rejected: {
    title:
      "Rejected by the distributor: correct the records or the spreadsheet and submit it again, or answer in the conversation",
    tone: "border-rose-300 bg-rose-50 text-rose-900",
  },
  closed: { title: "Billed and closed by the distributor", tone: "border-slate-300 bg-slate-50 text-slate-900" },
};

/** The distributor's decision on a submitted file, as its vendor sees it; prominent when it came back rejected. */
export function ReviewOutcome({
  file,
}: {
  file: { status: UsageFileStatus; acceptanceNote: string | null; rejectionNote: string | null };
}) {
  const outcome = outcomes[file.status];
  if (!outcome) return null;
  const note = file.status === "rejected" ? file.rejectionNote : file.status === "pending" ? null : file.acceptanceNote;
  return (
    <section
      aria-label="Review outcome"
      role={file.status === "rejected" ? "alert" : undefined}
      className={`rounded-lg border p-4 text-sm ${outcome.tone} ${file.status === "rejected" ? "border-2" : ""}`}
    >
      <div className="flex items-center gap-2 font-semibold">
        <StatusBadge status={file.status} label={statusLabels[file.status]} />
        {outcome.title}
      </div>
      {note && <p className="mt-2 whitespace-pre-line">{note}</p>}
    </section>
  );
}
