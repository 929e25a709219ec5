import type { Metadata } from "next";
import Link from "next/link";
import { PeriodUsageCard } from "@/components/review/period-usage";
import { ReviewQueue } from "@/components/review/review-queue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { firstValues } from "@/lib/domain/table-query";
import { dashboardPeriod } from "@/lib/domain/usage-aggregates";
import { requireRole } from "@/lib/server/actor";
import { listReviewQueues } from "@/lib/server/queries/review-dashboard";
import { listPeriodUsage } from "@/lib/server/queries/usage-aggregates";

export const metadata: Metadata = { title: "Review queue" };

export default async function DistributorHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("distributor");
  const now = new Date();
  const period = dashboardPeriod(firstValues(await searchParams).period, now);
  const [queues, usage] = await Promise.all([listReviewQueues(actor), listPeriodUsage(actor, period)]);
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
        <PeriodUsageCard
          usage={usage}
          billingExport={
            <p className="text-sm text-slate-600">
              Every accepted record of {period}, for billing (it sums to the billable figures above):{" "}
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
          }
        />
      </div>
    </>
  );
}
