import { SimpleTable } from "@/components/ui/simple-table";
import { formatDateTime } from "@/lib/format";
import type { ListedRecord, UsageFileChanges } from "@/lib/server/queries/usage-file-changes";

const plural = (count: number, word: string) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
const shown = (value: string | null) => value ?? "—";
/** How many of each kind the page lists (getUsageFileChanges' default). */
const listed = 100;

function Listed({ title, records, total }: { title: string; records: ListedRecord[]; total: number }) {
  if (total === 0) return null;
  return (
    <div>
      <h3 className="mb-1 text-sm font-medium">
        {title} <span className="font-normal text-slate-500">({total.toLocaleString("en-US")})</span>
      </h3>
      <SimpleTable
        rows={records}
        rowKey={(record) => record.recordId}
        columns={[
          { header: "Record id", cell: (record) => record.recordId, className: "font-mono whitespace-nowrap" },
          { header: "Id", cell: (record) => record.id, className: "font-mono whitespace-nowrap" },
          { header: "Disputed because", cell: (record) => record.disputeReason ?? "" },
        ]}
      />
    </div>
  );
}

/**
 * What the vendor changed since the last rejection, matched by record_id: each changed record's
 * fields old → new, the records added and removed, and the disputed records left as they were.
 */
export function ChangesSinceRejection({ changes, gridHref }: { changes: UsageFileChanges; gridHref: string }) {
  const { counts } = changes;
  return (
    <section aria-label="Changes since the last rejection" className="space-y-4">
      <p className="text-sm text-slate-600">
        Since the rejection of {formatDateTime(changes.rejectedAt)}: {plural(counts.changed, "record")} changed,{" "}
        {counts.added.toLocaleString("en-US")} added, {counts.removed.toLocaleString("en-US")} removed;{" "}
        {plural(counts.disputedUnchanged, "disputed record")} of {counts.disputed.toLocaleString("en-US")} unchanged.{" "}
        <a className="text-brand-700 underline" href={gridHref}>
          Show the changed records in the grid
        </a>
      </p>
      {counts.changed > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-medium">
            Changed <span className="font-normal text-slate-500">({counts.changed.toLocaleString("en-US")})</span>
          </h3>
          <SimpleTable
            rows={changes.changed}
            rowKey={(record) => record.recordId}
            columns={[
              { header: "Record id", cell: (record) => record.recordId, className: "font-mono whitespace-nowrap" },
              {
                header: "Changes",
                cell: (record) => (
                  <ul className="space-y-0.5">
                    {record.changes.map((change) => (
                      <li key={change.field}>
                        <span className="font-mono text-xs">{change.field}</span>:{" "}
                        <span className="text-rose-700 line-through">{shown(change.old)}</span> →{" "}
                        <span className="font-medium text-green-800">{shown(change.new)}</span>
                      </li>
                    ))}
                  </ul>
                ),
              },
              { header: "Disputed because", cell: (record) => record.disputeReason ?? "" },
            ]}
          />
        </div>
      )}
      <Listed title="Added" records={changes.added} total={counts.added} />
      <Listed title="Removed" records={changes.removed} total={counts.removed} />
      <Listed title="Disputed, unchanged" records={changes.disputedUnchanged} total={counts.disputedUnchanged} />
      {[counts.changed, counts.added, counts.removed, counts.disputedUnchanged].some((count) => count > listed) && (
        <p className="text-xs text-slate-500">
          Each list shows its first {listed} records by record id; the API lists up to 1,000.
        </p>
      )}
    </section>
  );
}
