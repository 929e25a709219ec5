import Link from "next/link";
import type { UsageFileStatus } from "@/lib/domain/usage-file-status";
import { formatPeriod } from "@/lib/format";
import { StatusBadge } from "./status-badge";

export interface UsageFileRow {
  id: string;
  name: string;
  status: UsageFileStatus;
  productName: string;
  vendorName: string;
  distributorName: string;
  periodFrom: Date;
  periodTo: Date;
}

export function UsageFileTable({
  files,
  hrefOf,
  partyColumn,
}: {
  files: UsageFileRow[];
  hrefOf: (id: string) => string;
  partyColumn: "vendor" | "distributor";
}) {
  if (files.length === 0) {
    return <p className="py-8 text-center text-sm text-slate-500">No usage files yet.</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-4 font-medium">File</th>
          <th className="py-2 pr-4 font-medium">Product</th>
          <th className="py-2 pr-4 font-medium">{partyColumn === "vendor" ? "Vendor" : "Distributor"}</th>
          <th className="py-2 pr-4 font-medium">Period</th>
          <th className="py-2 font-medium">Status</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {files.map((file) => (
          <tr key={file.id}>
            <td className="py-2 pr-4">
              <Link href={hrefOf(file.id)} className="font-medium text-brand-700 hover:underline">
                {file.name}
              </Link>
              <div className="font-mono text-xs text-slate-500">{file.id}</div>
            </td>
            <td className="py-2 pr-4">{file.productName}</td>
            <td className="py-2 pr-4">{partyColumn === "vendor" ? file.vendorName : file.distributorName}</td>
            <td className="py-2 pr-4 whitespace-nowrap">{formatPeriod(file.periodFrom, file.periodTo)}</td>
            <td className="py-2">
              <StatusBadge status={file.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
