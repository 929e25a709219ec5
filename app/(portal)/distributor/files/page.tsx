import type { Metadata } from "next";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { PagePagination } from "@/components/data-table/page-pagination";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { usageFileListRow } from "@/components/usage-files/usage-file-list-row";
import { UsageFilesDataTable } from "@/components/usage-files/usage-files-data-table";
import { statusesVisibleToDistributors } from "@/lib/domain/permissions";
import { firstValues } from "@/lib/domain/table-query";
import { usageFileListQuery } from "@/lib/domain/usage-file-query";
import { statusLabels } from "@/lib/domain/usage-file-status";
import { requireRole } from "@/lib/server/actor";
import { listUsageFiles } from "@/lib/server/queries/usage-files";

export const metadata: Metadata = { title: "Submitted usage files" };

export default async function DistributorFilesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("distributor");
  const query = usageFileListQuery.parse(firstValues(await searchParams));
  const { rows, total } = await listUsageFiles(actor, query);

  return (
    <>
      <PageHeader title="Submitted usage files" subtitle={`Every usage file submitted to ${actor.accountName}`} />
      <Card>
        <DataTableToolbar
          searchLabel="Search name, id or external id"
          filters={[
            {
              kind: "choice",
              param: "status",
              label: "Status",
              options: statusesVisibleToDistributors.map((s) => ({ value: s, label: statusLabels[s] })),
            },
            { kind: "input", param: "period", label: "Period month", type: "month" },
            { kind: "input", param: "externalId", label: "External id", type: "text" },
          ]}
        />
        <UsageFilesDataTable
          area="distributor"
          sort={query.sort}
          rows={rows.map((file) => usageFileListRow(file, "vendor"))}
        />
        <PagePagination page={query.page} size={query.size} total={total} />
      </Card>
    </>
  );
}
