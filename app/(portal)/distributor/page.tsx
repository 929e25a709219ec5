import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusCounts } from "@/components/usage-files/status-counts";
import { UsageFileTable } from "@/components/usage-files/usage-file-table";
import { requireRole } from "@/lib/server/actor";
import { countUsageFilesByStatus, listRecentUsageFiles } from "@/lib/server/queries/usage-files";

export const metadata: Metadata = { title: "Review queue" };

export default async function DistributorHome() {
  const actor = await requireRole("distributor");
  const [counts, files] = await Promise.all([countUsageFilesByStatus(actor), listRecentUsageFiles(actor)]);
  return (
    <>
      <PageHeader title="Review queue" subtitle={`Usage files submitted to ${actor.accountName}`} />
      <div className="space-y-6">
        <StatusCounts counts={counts} statuses={["pending", "accepted", "rejected", "closed"]} />
        <Card title="Submitted files">
          <UsageFileTable files={files} hrefOf={(id) => `/distributor/files/${id}`} partyColumn="vendor" />
        </Card>
      </div>
    </>
  );
}
