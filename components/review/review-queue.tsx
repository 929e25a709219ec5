import Link from "next/link";
import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
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
export function ReviewQueue({
  files,
  now,
  ageLabel,
  empty,
}: {
  files: UsageFileView[];
  now: Date;
  ageLabel: string;
  empty: string;
}) {
  if (files.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  const columns: SimpleColumn<UsageFileView>[] = [
    {
      header: "File",
      cell: (file) => (
        <>
          <Link href={`/distributor/files/${file.id}`} className="font-medium text-brand-700 hover:underline">
            {file.name}
          </Link>
          <div className="font-mono text-xs text-slate-500">{file.id}</div>
        </>
      ),
    },
    { header: "Vendor · product", cell: (file) => `${file.vendorName} · ${file.productName}` },
    { header: "Period", className: "whitespace-nowrap", cell: (file) => formatPeriod(file.periodFrom, file.periodTo) },
    { header: "Records", numeric: true, cell: (file) => file.stats?.records.toLocaleString("en-US") ?? "—" },
    { header: ageLabel, numeric: true, className: "whitespace-nowrap", cell: (file) => waitedFor(file.updatedAt, now) },
  ];
  return <SimpleTable columns={columns} rows={files} rowKey={(file) => file.id} />;
}
