import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { amendmentRoleLabels } from "@/lib/domain/usage-amendments";
import type { AmendedRecord, AmendmentSummary as Summary } from "@/lib/server/queries/usage-file-amendments";

const count = (value: number) => value.toLocaleString("en-US");
const oldToNew = ({ old, new: next }: { old: string | null; new: string | null }) => `${old ?? "—"} → ${next ?? "—"}`;

/**
 * What an amendment does to the billed records: how many it replaces, cancels and adds (and, once
 * accepted, the reversals written), and the first replaced or cancelled records, billed → new.
 */
export function AmendmentSummary({ summary, withAmounts }: { summary: Summary; withAmounts: boolean }) {
  const { counts } = summary;
  return (
    <Card title="Amendment">
      <section aria-label="What this amendment changes" className="space-y-3">
        <p className="text-sm text-slate-600">
          Replaces {count(counts.replacement)}, cancels {count(counts.cancellation)} and adds {count(counts.addition)}{" "}
          record{counts.addition === 1 ? "" : "s"}.{" "}
          {counts.reversal > 0
            ? `${count(counts.reversal)} reversal${counts.reversal === 1 ? "" : "s"} written at acceptance take the billed records back.`
            : "When it is accepted, each replaced or cancelled record gets a reversal; billed records never change."}
        </p>
        {summary.amended.length > 0 && (
          <SimpleTable
            rows={summary.amended}
            rowKey={(record) => record.id}
            columns={[
              { header: "Record id", cell: (record) => record.recordId, className: "font-mono whitespace-nowrap" },
              {
                header: "Does",
                cell: (record: AmendedRecord) => `${amendmentRoleLabels[record.role]} ${record.amends}`,
              },
              { header: "Quantity, billed → new", cell: (record) => oldToNew(record.quantity), numeric: true },
              ...(withAmounts
                ? [
                    {
                      header: "Amount, billed → new",
                      cell: (record: AmendedRecord) => oldToNew(record.amount),
                      numeric: true,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </section>
    </Card>
  );
}
