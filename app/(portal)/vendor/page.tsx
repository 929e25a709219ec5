import type { Metadata } from "next";
import Link from "next/link";
import { PeriodUsageCard } from "@/components/review/period-usage";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ActivityFeed } from "@/components/usage-files/activity-feed";
import { NeedsActionList } from "@/components/usage-files/needs-action-list";
import { StatusCounts } from "@/components/usage-files/status-counts";
import { firstValues } from "@/lib/domain/table-query";
import { dashboardPeriod } from "@/lib/domain/usage-aggregates";
import { statusesAwaitingVendor } from "@/lib/domain/usage-file-status";
import { requireRole } from "@/lib/server/actor";
import { listPeriodUsage } from "@/lib/server/queries/usage-aggregates";
import { listRecentActivity } from "@/lib/server/queries/usage-file-history";
import { countUsageFilesByStatus, listUsageFilesInStatus } from "@/lib/server/queries/usage-files";

export const metadata: Metadata = { title: "Usage files" };

export default async function VendorHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("vendor");
  const period = dashboardPeriod(firstValues(await searchParams).period, new Date());
  const [counts, waiting, activity, usage] = await Promise.all([
    countUsageFilesByStatus(actor),
    listUsageFilesInStatus(actor, statusesAwaitingVendor),
    listRecentActivity(actor),
    listPeriodUsage(actor, period),
  ]);
  return (
    <>
      <PageHeader
        title="Usage files"
        subtitle={`Usage reported by ${actor.accountName}`}
        actions={
          <>
            <Link
              href="/vendor/files"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
            >
              All files
            </Link>
            <Link
              href="/vendor/files/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              New usage file
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <StatusCounts
          counts={counts}
          statuses={["draft", "invalid", "ready", "pending", "rejected", "accepted", "closed"]}
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title="Needs your action" className="lg:col-span-2">
            <NeedsActionList files={waiting} />
          </Card>
          <Card title="Recent activity">
            <ActivityFeed entries={activity} hrefOf={(id) => `/vendor/files/${id}`} />
          </Card>
        </div>
        <PeriodUsageCard usage={usage} />
      </div>
    </>
  );
}
