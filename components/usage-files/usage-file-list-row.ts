import { statusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import type { UsageFileView } from "@/lib/server/queries/usage-files";

/** What a files list shows of a file: only these fields travel to the browser, built on the server. */
export interface UsageFileListRow {
  id: string;
  name: string;
  status: UsageFileStatus;
  statusLabel: string;
  productName: string;
  partyName: string;
  periodFrom: Date;
  periodTo: Date;
  records: number | null;
  updatedAt: Date;
}

/** `party` is the other side of the contract: the distributor for vendors, the vendor for distributors. */
export function usageFileListRow(file: UsageFileView, party: "vendor" | "distributor"): UsageFileListRow {
  return {
    id: file.id,
    name: file.name,
    status: file.status,
    statusLabel: statusLabels[file.status],
    productName: file.productName,
    partyName: party === "vendor" ? file.vendorName : file.distributorName,
    periodFrom: file.periodFrom,
    periodTo: file.periodTo,
    records: file.stats?.records ?? null,
    updatedAt: file.updatedAt,
  };
}
