import type { Metadata } from "next";
import { AccountSelect } from "@/components/admin/account-select";
import { ContractsTable } from "@/components/admin/contracts-table";
import { accountsOfKind } from "@/components/admin/options";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/server/actor";
import { listAccounts, listContracts } from "@/lib/server/queries/admin-accounts";
import { createContractAction, deactivateContractAction } from "./actions";

export const metadata: Metadata = { title: "Contracts" };

export default async function ContractsPage() {
  const actor = await requireRole("admin");
  const [contracts, accounts] = await Promise.all([listContracts(actor), listAccounts(actor)]);
  return (
    <>
      <PageHeader
        title="Contracts"
        subtitle="Which distributor or reseller reviews a vendor's usage, on which marketplace."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <ContractsTable rows={contracts} deactivate={deactivateContractAction} />
        </Card>
        <Card title="New contract">
          <ActionForm action={createContractAction} submitLabel="Create contract">
            <ActionField name="vendorAccountId" label="Vendor">
              <AccountSelect
                name="vendorAccountId"
                accounts={accountsOfKind(accounts, "vendor")}
                placeholder="Choose a vendor…"
              />
            </ActionField>
            <ActionField name="distributorAccountId" label="Distributor or reseller">
              <AccountSelect
                name="distributorAccountId"
                accounts={accountsOfKind(accounts, "distributor", "reseller")}
                placeholder="Choose a distributor or reseller…"
              />
            </ActionField>
            <ActionField name="marketplace" label="Marketplace">
              <TextInput name="marketplace" required />
            </ActionField>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
