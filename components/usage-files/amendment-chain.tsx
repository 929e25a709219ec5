import Link from "next/link";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/usage-files/status-badge";
import { statusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import { formatDate } from "@/lib/format";

export interface ChainFile {
  id: string;
  name: string;
  status: UsageFileStatus;
  amends: string | null;
  createdAt: Date;
}

/**
 * The original file and its amendments, oldest first, the file on screen marked: where an accepted
 * file's corrections are, and where a correction came from (issue 21).
 */
export function AmendmentChain({
  chain,
  currentId,
  pathOf,
}: {
  chain: ChainFile[];
  currentId: string;
  pathOf: (usageFileId: string) => string;
}) {
  return (
    <Card title="Original and amendments">
      <p className="mb-3 text-sm text-slate-600">
        Billed records are never changed: an accepted amendment reverses each record it replaces or cancels, so the
        original plus its amendments sum to what is billable.
      </p>
      <ol aria-label="Original and amendments" className="divide-y divide-slate-100 text-sm">
        {chain.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
            <span className="w-24 shrink-0 text-slate-500">{file.amends ? "Amendment" : "Original"}</span>
            {file.id === currentId ? (
              <span className="font-medium" aria-current="page">
                {file.name} (this file)
              </span>
            ) : (
              <Link className="text-brand-700 underline" href={pathOf(file.id)}>
                {file.name}
              </Link>
            )}
            <span className="font-mono text-xs text-slate-500">{file.id}</span>
            <StatusBadge status={file.status} label={statusLabels[file.status]} />
            <span className="text-xs text-slate-500">opened {formatDate(file.createdAt)}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
