import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { statusLabels } from "@/lib/domain/usage-file-status";
import type { UsageFileView } from "@/lib/server/queries/usage-files";
import { formatDateTime, formatPeriod } from "@/lib/format";
import { StatusBadge } from "./status-badge";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/** The facts of a usage file that everyone who may see it sees, with the reviewer's notes. */
export function UsageFileSummary({ file, actions }: { file: UsageFileView; actions?: ReactNode }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{file.name}</h1>
        <StatusBadge status={file.status} label={statusLabels[file.status]} />
        {actions && <div className="ml-auto flex flex-wrap gap-2">{actions}</div>}
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          <Field label="Id">
            <span className="font-mono">{file.id}</span>
          </Field>
          {file.externalId && (
            <Field label="External id">
              <span className="font-mono">{file.externalId}</span>
            </Field>
          )}
          <Field label="Product">{file.productName}</Field>
          <Field label="Vendor">{file.vendorName}</Field>
          <Field label="Distributor">{file.distributorName}</Field>
          <Field label="Contract">{file.contractId}</Field>
          <Field label="Period (UTC)">{formatPeriod(file.periodFrom, file.periodTo)}</Field>
          <Field label="Currency">{file.currency}</Field>
          <Field label="Schema">{file.usageSchema}</Field>
          <Field label="Records">{file.stats?.records.toLocaleString("en-US") ?? "—"}</Field>
          <Field label="Updated">{formatDateTime(file.updatedAt)}</Field>
          {file.acceptanceNote && <Field label="Acceptance note">{file.acceptanceNote}</Field>}
          {file.status === "rejected" && file.rejectionNote && (
            <Field label="Rejection note">{file.rejectionNote}</Field>
          )}
        </dl>
      </Card>
    </div>
  );
}
