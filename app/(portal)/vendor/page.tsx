import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusCounts } from "@/components/usage-files/status-counts";
import { UsageFileTable } from "@/components/usage-files/usage-file-table";
import { requireRole } from "@/lib/server/actor";
import { countUsageFilesByStatus, listRecentUsageFiles } from "@/lib/server/queries/usage-files";

export const metadata: Metadata = { title: "Usage files" };

export default async function VendorHome() {
  const actor = await requireRole("vendor");
  const [counts, files] = await Promise.all([countUsageFilesByStatus(actor), listRecentUsageFiles(actor)]);
  return (
    <>
      <PageHeader title="Usage files" subtitle={`Usage reported by ${actor.accountName}`} />
      <div className="space-y-6">
        <StatusCounts
          counts={counts}
          statuses={["draft", "invalid", "ready", "pending", "rejected", "accepted", "closed"]}
        />
        <Card title="Recent files">
          <UsageFileTable files={files} hrefOf={(id) => `/vendor/files/${id}`} partyColumn="distributor" />
        </Card>
      </div>
    </>
  );
}
