import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PeriodTotalsTable } from "@/components/review/period-totals";
import { ReviewQueue } from "@/components/review/review-queue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { periodMonth } from "@/lib/domain/record-export";
import { firstValues } from "@/lib/domain/table-query";
import { requireRole } from "@/lib/server/actor";
import { listPeriodTotals, listReviewQueues } from "@/lib/server/queries/review-dashboard";

export const metadata: Metadata = { title: "Review queue" };

/** Usage is reported after a month ends: the current billing period is the last full month. */
function lastFullMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const dashboardQuery = z.object({ period: periodMonth.optional().catch(undefined) });

export default async function DistributorHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("distributor");
  const now = new Date();
  const period = dashboardQuery.parse(firstValues(await searchParams)).period ?? lastFullMonth(now);
  const [queues, totals] = await Promise.all([listReviewQueues(actor), listPeriodTotals(actor, period)]);
  return (
    <>
      <PageHeader
        title="Review queue"
        subtitle={`Usage files submitted to ${actor.accountName}`}
        actions={
          <Link
            href="/distributor/files"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            All files
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title={`Waiting for review (${queues.pending.length})`}>
          <ReviewQueue files={queues.pending} now={now} ageLabel="Waiting" empty="Nothing to review." />
        </Card>
        <Card title={`Accepted, not yet closed (${queues.acceptedOpen.length})`}>
          <ReviewQueue
            files={queues.acceptedOpen}
            now={now}
            ageLabel="Accepted for"
            empty="Every accepted file is closed."
          />
        </Card>
        <Card title="Recently closed">
          <ReviewQueue files={queues.recentlyClosed} now={now} ageLabel="Closed" empty="No file closed yet." />
        </Card>
        <Card title={`Usage of ${period}`}>
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
          <PeriodTotalsTable rows={totals} />
          <p className="mt-4 text-sm text-slate-600">
            Every accepted record of {period}, for billing:{" "}
            {(["csv", "xlsx"] as const).map((format) => (
              <a
                key={format}
                className="ml-2 text-brand-700 underline"
                href={`/api/v1/usage/records/export?period=${period}&format=${format}`}
                download
              >
                Export {format.toUpperCase()}
              </a>
            ))}
          </p>
        </Card>
      </div>
    </>
  );
}
