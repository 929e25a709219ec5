import Link from "next/link";
import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { SubscriptionName } from "@/components/ui/subscription-name";
import { anomalyKindLabels, anomalyKinds, type AnomalyCounts } from "@/lib/domain/usage-anomalies";
import { groupDigits } from "@/lib/domain/figures";
import type { UsageFileAnomaly } from "@/lib/server/queries/usage-anomalies";
import { CountCards } from "./count-cards";

const rounded = (decimal: string) =>
  groupDigits(Number(decimal).toLocaleString("en-US", { maximumFractionDigits: 2, useGrouping: false }));

/**
 * The file's anomalous subscription × item totals, the largest deviation first, each with its
 * monthly history beside this file's total and a link to its records.
 */
export function AnomaliesTable({
  counts,
  anomalies,
  total,
}: {
  counts: AnomalyCounts;
  anomalies: readonly UsageFileAnomaly[];
  /** How many there are in all; `anomalies` holds the first ones. */
  total: number;
}) {
  const columns: SimpleColumn<UsageFileAnomaly>[] = [
    {
      header: "Subscription",
      cell: (row) => <SubscriptionName id={row.subscriptionId} externalId={row.subscriptionExternalId} />,
    },
    { header: "Item", cell: (row) => row.itemName ?? row.itemId },
    { header: "Flag", cell: (row) => <span className={kindClass[row.kind]}>{anomalyKindLabels[row.kind]}</span> },
    { header: "This file", numeric: true, cell: (row) => `${rounded(row.quantity)} ${row.unit ?? ""}` },
    { header: "Usual (median)", numeric: true, cell: (row) => `${rounded(row.baseline)} ${row.unit ?? ""}` },
    {
      header: "Deviation",
      numeric: true,
      cell: (row) => `${row.deviation > 0 ? "+" : ""}${row.deviation.toFixed(1)}σ`,
    },
    { header: "History", cell: (row) => <HistoryChart anomaly={row} /> },
    {
      header: <span className="sr-only">Records</span>,
      cell: (row) =>
        row.kind === "vanished" ? null : (
          <Link
            className="whitespace-nowrap text-sky-700 underline"
            href={`?subscription=${encodeURIComponent(row.subscriptionId)}&item=${encodeURIComponent(row.itemId)}#records`}
          >
            Records
          </Link>
        ),
    },
  ];
  return (
    <section aria-label="Anomalies">
      <p className="mb-2 text-sm text-slate-600">
        Subscription × item totals far from their last 6 months of accepted and closed usage. Check them before billing.{" "}
        <Link className="text-sky-700 underline" href="?anomalies=1#records">
          Show their records
        </Link>
      </p>
      <CountCards
        className="mb-3 grid-cols-2 sm:grid-cols-4"
        cards={anomalyKinds.map((kind) => ({ key: kind, label: anomalyKindLabels[kind], count: counts[kind] }))}
      />
      {anomalies.length > 0 && (
        <div className="max-h-96 overflow-y-auto" tabIndex={0} role="region" aria-label="Anomalies by deviation">
          <SimpleTable
            columns={columns}
            rows={anomalies}
            rowKey={(row) => `${row.subscriptionId}-${row.itemId}`}
            stickyHeader
          />
          {total > anomalies.length && (
            <p className="mt-2 text-xs text-slate-500">
              The {anomalies.length} largest of {total.toLocaleString("en-US")} are shown; the API lists them all.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

const kindClass: Record<UsageFileAnomaly["kind"], string> = {
  spike: "font-medium text-red-700",
  drop: "font-medium text-amber-700",
  new: "font-medium text-sky-700",
  vanished: "font-medium text-slate-700",
};

/** Bars of the monthly history (grey) and this file's total (amber), on one scale. */
function HistoryChart({ anomaly }: { anomaly: UsageFileAnomaly }) {
  const values = [...anomaly.history.map((month) => Number(month.quantity)), Number(anomaly.quantity)];
  const highest = Math.max(...values, Number.EPSILON);
  const barWidth = 8;
  const height = 24;
  const described = anomaly.history.map((month) => `${month.month}: ${rounded(month.quantity)}`).join(", ");
  return (
    <svg
      width={values.length * (barWidth + 2)}
      height={height}
      role="img"
      aria-label={`History ${described}; this file ${rounded(anomaly.quantity)}`}
    >
      {values.map((value, index) => {
        const barHeight = Math.max(1, (value / highest) * height);
        const current = index === values.length - 1;
        return (
          <rect
            key={index}
            x={index * (barWidth + 2)}
            y={height - barHeight}
            width={barWidth}
            height={barHeight}
            className={current ? "fill-amber-500" : "fill-slate-400"}
          />
        );
      })}
    </svg>
  );
}
