import type { Metadata } from "next";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UsageFilesDataTable } from "@/components/usage-files/usage-files-data-table";
import { statusesVisibleToDistributors } from "@/lib/domain/permissions";
import { statusLabels } from "@/lib/domain/usage-file-status";
import { requireRole } from "@/lib/server/actor";
import { rowsQuery } from "@/lib/table-url";
import { usageFileRows } from "../../rows/table-rows";

export const metadata: Metadata = { title: "Submitted usage files" };

export default async function DistributorFilesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("distributor");
  const query = rowsQuery(await searchParams);
  const files = await usageFileRows(query);

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
        <UsageFilesDataTable area="distributor" initial={{ query, page: files }} source="/rows/usage-files" />
      </Card>
    </>
  );
}
