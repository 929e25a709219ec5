import type { Metadata } from "next";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { SubscriptionsDataTable } from "@/components/subscriptions/subscriptions-data-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { subscriptionStatusLabels, subscriptionStatuses } from "@/lib/domain/catalog";
import { requireRole } from "@/lib/server/actor";
import { listVendorContracts, listVendorProducts } from "@/lib/server/queries/catalog";
import { rowsQuery } from "@/lib/table-url";
import { subscriptionRows } from "../../rows/table-rows";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function VendorSubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("vendor");
  const query = rowsQuery(await searchParams);
  const [page, products, contracts] = await Promise.all([
    subscriptionRows(query),
    listVendorProducts(actor),
    listVendorContracts(actor),
  ]);

  return (
    <>
      <PageHeader
        title="Subscriptions"
        subtitle={
          <>
            The subscriptions of {actor.accountName} that usage records are reported against: put one&apos;s id (or
            external id, uid or a parameter) in <code>asset_search_value</code>.
          </>
        }
      />
      <Card>
        <DataTableToolbar
          searchLabel="Search id, external id or uid"
          filters={[
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
            {
              kind: "choice",
              param: "status",
              label: "Status",
              options: subscriptionStatuses.map((s) => ({ value: s, label: subscriptionStatusLabels[s] })),
            },
          ]}
        />
        <SubscriptionsDataTable initial={{ query, page }} source="/rows/subscriptions" />
      </Card>
    </>
  );
}
