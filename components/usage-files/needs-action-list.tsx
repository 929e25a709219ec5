import Link from "next/link";
import { statusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import { formatPeriod } from "@/lib/format";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { StatusBadge } from "./status-badge";

const nextStep: Partial<Record<UsageFileStatus, string>> = {
  draft: "Upload the usage spreadsheet",
  invalid: "Correct the invalid records or upload a fixed spreadsheet",
  rejected: "Read the distributor's note and upload a corrected spreadsheet",
  ready: "Submit it for review",
};

/** The vendor's files that wait for a next step, each saying which. */
export function NeedsActionList({ files }: { files: UsageFileView[] }) {
  if (files.length === 0)
    return <p className="text-sm text-slate-500">Nothing waits for you: every file is with the distributor or done.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
          <StatusBadge status={file.status} label={statusLabels[file.status]} />
          <Link href={`/vendor/files/${file.id}`} className="font-medium text-brand-700 hover:underline">
            {file.name}
          </Link>
          <span className="text-slate-500">{formatPeriod(file.periodFrom, file.periodTo)}</span>
          <span className="ml-auto text-slate-600">{nextStep[file.status]}</span>
        </li>
      ))}
    </ul>
  );
}
