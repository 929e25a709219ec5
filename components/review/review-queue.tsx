import Link from "next/link";
import { formatPeriod } from "@/lib/format";
import type { UsageFileView } from "@/lib/server/queries/usage-files";

const hourMs = 3_600_000;

/** How long a file has waited: hours for the first two days, then days. */
export function waitedFor(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / hourMs);
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}

/** A short list of files with how long each has been in its status. */
export function ReviewQueue({ files, now, ageLabel, empty }: { files: UsageFileView[]; now: Date; ageLabel: string; empty: string }) {
  if (files.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">File</th>
          <th className="py-2 pr-4 font-medium">Vendor · product</th>
          <th className="py-2 pr-4 font-medium">Period</th>
          <th className="py-2 pr-4 text-right font-medium">Records</th>
          <th className="py-2 text-right font-medium">{ageLabel}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {files.map((file) => (
          <tr key={file.id}>
            <td className="py-2 pr-4">
              <Link href={`/distributor/files/${file.id}`} className="font-medium text-brand-700 hover:underline">
                {file.name}
              </Link>
              <div className="font-mono text-xs text-slate-500">{file.id}</div>
            </td>
            <td className="py-2 pr-4">
              {file.vendorName} · {file.productName}
            </td>
            <td className="whitespace-nowrap py-2 pr-4">{formatPeriod(file.periodFrom, file.periodTo)}</td>
            <td className="py-2 pr-4 text-right tabular-nums">{file.stats?.records.toLocaleString("en-US") ?? "—"}</td>
            <td className="whitespace-nowrap py-2 text-right">{waitedFor(file.updatedAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
