import { SimpleTable } from "@/components/ui/simple-table";
import type { DisputedRecord } from "@/lib/server/queries/usage-file-changes";

/** The records the last rejection disputed, with the reviewer's reason for each: what the vendor fixes first. */
export function DisputedRecords({ records, gridHref }: { records: DisputedRecord[]; gridHref: string }) {
  return (
    <section aria-label="Disputed records" className="space-y-3">
      <p className="text-sm text-slate-600">
        Correct them with <em>Correct</em> in{" "}
        <a className="text-brand-700 underline" href={gridHref}>
          the records, filtered to the disputed ones
        </a>
        , or upload a corrected spreadsheet; then submit the file again.
      </p>
      <SimpleTable
        rows={records}
        rowKey={(record) => record.recordId}
        columns={[
          { header: "Record id", cell: (record) => record.recordId, className: "font-mono whitespace-nowrap" },
          { header: "Reason", cell: (record) => <span className="whitespace-pre-line">{record.reason}</span> },
          {
            header: "Id",
            cell: (record) => record.currentId ?? <span className="text-slate-500">no longer in the file</span>,
            className: "font-mono whitespace-nowrap",
          },
        ]}
      />
    </section>
  );
}
