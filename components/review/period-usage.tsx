import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { amountLabel, quantityLabel } from "@/lib/domain/figures";
import { billingFigureLabels, type UsageAggregate, type UsageSum } from "@/lib/domain/usage-aggregates";
import type { PeriodUsage } from "@/lib/server/queries/usage-aggregates";

type Part = "billable" | "awaitingReview";

const partHeadings: Record<Part, { title: string; empty: string }> = {
  billable: { title: billingFigureLabels.billable, empty: "Nothing accepted for this period." },
  awaitingReview: { title: billingFigureLabels.awaitingReview, empty: "Nothing waits for review for this period." },
};

function withUnit(value: string | null, unit: string, label: (value: string, unit: string) => string): string {
  return value === null ? "—" : label(value, unit);
}

function partColumns(part: Part): SimpleColumn<UsageAggregate>[] {
  const sum = (row: UsageAggregate): UsageSum => row[part];
  return [
    { header: "Vendor", cell: (row) => row.vendorName },
    { header: "Product", cell: (row) => row.productName },
    { header: "Item", cell: (row) => row.itemName },
    { header: "Records", numeric: true, cell: (row) => sum(row).records.toLocaleString("en-US") },
    {
      header: "Quantity",
      numeric: true,
      className: "font-mono",
      cell: (row) => withUnit(sum(row).quantity, row.itemUnit ?? "", quantityLabel),
    },
    {
      header: "Amount",
      numeric: true,
      className: "font-mono",
      cell: (row) => withUnit(sum(row).amount, row.currency, amountLabel),
    },
  ];
}

/** The part's totals per currency in one line: records, and the exact amount where records carry one. */
function PartTotal({ part, byCurrency }: { part: Part; byCurrency: readonly UsageAggregate[] }) {
  const totals = byCurrency.filter((row) => row[part].records > 0);
  const records = totals.reduce((count, row) => count + row[part].records, 0);
  return (
    <p className="text-sm text-slate-700" data-testid={`${part}-total`}>
      <span className="font-semibold">{records.toLocaleString("en-US")}</span> records
      {totals
        .filter((row) => row[part].amount !== null)
        .map((row) => (
          <span key={row.currency}>
            {" · "}
            <span className="font-mono font-semibold">{amountLabel(row[part].amount!, row.currency)}</span>
          </span>
        ))}
    </p>
  );
}

function PartSection({ part, usage, children }: { part: Part; usage: PeriodUsage; children?: ReactNode }) {
  const rows = usage.byItem.filter((row) => row[part].records > 0);
  const heading = partHeadings[part];
  return (
    <section aria-label={heading.title} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">{heading.title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{heading.empty}</p>
      ) : (
        <>
          <PartTotal part={part} byCurrency={usage.byCurrency} />
          <SimpleTable
            columns={partColumns(part)}
            rows={rows}
            rowKey={(row) => `${row.vendorId}-${row.itemId}-${row.currency}`}
          />
        </>
      )}
      {children}
    </section>
  );
}

/**
 * A period's usage from the files' stored totals, billable and awaiting review apart (never added
 * together); `billingExport`, where the viewer may export, sits under the billable figures it sums to.
 */
function PeriodUsageFigures({ usage, billingExport }: { usage: PeriodUsage; billingExport?: ReactNode }) {
  return (
    <div className="space-y-6">
      <PartSection part="billable" usage={usage}>
        {billingExport}
      </PartSection>
      <PartSection part="awaitingReview" usage={usage} />
    </div>
  );
}

/** A dashboard's card of a period's usage, with the form that picks the month. */
export function PeriodUsageCard({ usage, billingExport }: { usage: PeriodUsage; billingExport?: ReactNode }) {
  return (
    <Card title={`Usage of ${usage.period}`}>
      <PeriodForm period={usage.period} />
      <PeriodUsageFigures usage={usage} billingExport={billingExport} />
    </Card>
  );
}

/** The month whose usage a dashboard shows, chosen in a small form that reloads the page. */
function PeriodForm({ period }: { period: string }) {
  return (
    <form className="mb-4 flex items-end gap-2 text-sm">
      <label className="font-medium text-slate-700">
        Period
        <input
          type="month"
          name="period"
          defaultValue={period}
          className="ml-2 rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
        Show
      </button>
    </form>
  );
}
