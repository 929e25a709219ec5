import type { Metadata } from "next";
import { AccountSelect } from "@/components/admin/account-select";
import { asOptions, OptionSelect } from "@/components/admin/option-select";
import { accountsOfKind } from "@/components/admin/options";
import { SubscriptionImportForm } from "@/components/admin/subscription-import-form";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { SubscriptionsDataTable } from "@/components/subscriptions/subscriptions-data-table";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { subscriptionSheetColumns } from "@/lib/domain/admin-subscription-sheet";
import { subscriptionStatusLabels, subscriptionStatuses } from "@/lib/domain/catalog";
import { requireRole } from "@/lib/server/actor";
import { rowsQuery } from "@/lib/table-url";
import { subscriptionRows } from "../../rows/table-rows";
import { listAccounts, listContracts } from "@/lib/server/queries/admin-accounts";
import { listProducts } from "@/lib/server/queries/admin-catalog";
import { createSubscriptionAction, importSubscriptionsAction } from "./actions";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("admin");
  const query = rowsQuery(await searchParams);
  const [page, products, contracts, accounts] = await Promise.all([
    subscriptionRows(query),
    listProducts(actor),
    listContracts(actor),
    listAccounts(actor),
  ]);
  const productOptions = products.map((p) => ({ value: p.id, label: `${p.name} · ${p.vendorName}` }));
  const contractOptions = contracts.map((c) => ({
    value: c.id,
    label: `${c.id} · ${c.vendorName} → ${c.distributorName}`,
  }));
  const tierAccounts = accountsOfKind(accounts, "distributor", "reseller");

  return (
    <>
      <PageHeader
        title="Subscriptions"
        subtitle="The assets usage records are reported against, per product and contract."
      />
      <div className="space-y-6">
        <Card>
          <DataTableToolbar
            searchLabel="Search id, external id or uid"
            filters={[
              { kind: "choice", param: "product", label: "Product", options: productOptions },
              { kind: "choice", param: "contract", label: "Contract", options: contractOptions },
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
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Import from a sheet">
            <SubscriptionImportForm
              action={importSubscriptionsAction}
              columns={Object.keys(subscriptionSheetColumns)}
            />
          </Card>
          <Card title="New subscription">
            <ActionForm
              action={createSubscriptionAction}
              submitLabel="Create subscription"
              className="grid gap-4 sm:grid-cols-2"
            >
              <ActionField name="productId" label="Product">
                <OptionSelect name="productId" options={productOptions} placeholder="Choose a product…" />
              </ActionField>
              <ActionField name="contractId" label="Contract">
                <OptionSelect name="contractId" options={contractOptions} placeholder="Choose a contract…" />
              </ActionField>
              <ActionField name="externalId" label="External id">
                <TextInput name="externalId" required />
              </ActionField>
              <ActionField name="externalUid" label="External uid">
                <TextInput name="externalUid" required />
              </ActionField>
              <ActionField name="parameters" label="Parameters" hint="name=value; name=value">
                <TextInput name="parameters" />
              </ActionField>
              <ActionField name="status" label="Status">
                <OptionSelect name="status" options={asOptions(subscriptionStatuses)} />
              </ActionField>
              <ActionField name="activeFrom" label="Active from (UTC)">
                <TextInput name="activeFrom" type="date" />
              </ActionField>
              <ActionField name="activeTo" label="Active to (UTC)">
                <TextInput name="activeTo" type="date" />
              </ActionField>
              <ActionField name="tier1AccountId" label="Tier 1 account">
                <AccountSelect name="tier1AccountId" accounts={tierAccounts} placeholder="None" required={false} />
              </ActionField>
              <ActionField name="tier2AccountId" label="Tier 2 account">
                <AccountSelect name="tier2AccountId" accounts={tierAccounts} placeholder="None" required={false} />
              </ActionField>
            </ActionForm>
          </Card>
        </div>
      </div>
    </>
  );
}
