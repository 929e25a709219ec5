import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { ActivityEntry } from "@/lib/server/queries/usage-file-history";
import { actionLabel } from "./history-timeline";

/** The latest events across files, newest first, each linking to its file. */
export function ActivityFeed({
  entries,
  hrefOf,
}: {
  entries: ActivityEntry[];
  hrefOf: (usageFileId: string) => string;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return (
    <ul className="space-y-3 text-sm">
      {entries.map((entry) => (
        <li key={entry.id}>
          <div>
            <span className="font-medium">{actionLabel(entry.action)}</span>{" "}
            <Link href={hrefOf(entry.usageFileId)} className="text-brand-700 hover:underline">
              {entry.usageFileName}
            </Link>
          </div>
          <div className="text-xs text-slate-500">
            {formatDateTime(entry.at)} · {entry.actorName ?? "System"}
          </div>
        </li>
      ))}
    </ul>
  );
}
