import type { Metadata } from "next";
import Link from "next/link";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UsageFilesDataTable } from "@/components/usage-files/usage-files-data-table";
import { statusLabels, usageFileStatuses } from "@/lib/domain/usage-file-status";
import { requireRole } from "@/lib/server/actor";
import { listVendorContracts, listVendorProducts } from "@/lib/server/queries/catalog";
import { rowsQuery } from "@/lib/table-url";
import { usageFileRows } from "../../rows/table-rows";

export const metadata: Metadata = { title: "All usage files" };

export default async function VendorFilesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("vendor");
  const query = rowsQuery(await searchParams);
  const [files, products, contracts] = await Promise.all([
    usageFileRows(query),
    listVendorProducts(actor),
    listVendorContracts(actor),
  ]);

  return (
    <>
      <PageHeader
        title="All usage files"
        subtitle={`Every usage file of ${actor.accountName}`}
        actions={
          <Link
            href="/vendor/files/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            New usage file
          </Link>
        }
      />
      <Card>
        <DataTableToolbar
          searchLabel="Search name, id or external id"
          filters={[
            {
              kind: "choice",
              param: "status",
              label: "Status",
              options: usageFileStatuses
                .filter((s) => s !== "deleted")
                .map((s) => ({ value: s, label: statusLabels[s] })),
            },
            {
              kind: "choice",
              param: "product",
              label: "Product",
              options: products.map((p) => ({ value: p.id, label: p.name })),
            },
            {
              kind: "choice",
              param: "contract",
              label: "Contract",
              options: contracts.map((c) => ({ value: c.id, label: `${c.id} · ${c.distributorName}` })),
            },
            { kind: "input", param: "period", label: "Period month", type: "month" },
            { kind: "input", param: "externalId", label: "External id", type: "text" },
          ]}
        />
        <UsageFilesDataTable area="vendor" initial={{ query, page: files }} source="/rows/usage-files" />
      </Card>
    </>
  );
}
