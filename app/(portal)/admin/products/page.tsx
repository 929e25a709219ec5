import type { Metadata } from "next";
import { AccountSelect } from "@/components/admin/account-select";
import { asOptions, OptionSelect } from "@/components/admin/option-select";
import { accountsOfKind } from "@/components/admin/options";
import { ProductsTable } from "@/components/admin/products-table";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { usageSchemas } from "@/lib/domain/catalog";
import { requireRole } from "@/lib/server/actor";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { listProducts } from "@/lib/server/queries/admin-catalog";
import { createProductAction } from "./actions";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  const actor = await requireRole("admin");
  const [products, accounts] = await Promise.all([listProducts(actor), listAccounts(actor)]);
  return (
    <>
      <PageHeader title="Products" subtitle="The catalog usage records are checked against." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <ProductsTable rows={products} />
        </Card>
        <Card title="New product">
          <ActionForm action={createProductAction} submitLabel="Create product">
            <ActionField name="vendorAccountId" label="Vendor">
              <AccountSelect
                name="vendorAccountId"
                accounts={accountsOfKind(accounts, "vendor")}
                placeholder="Choose a vendor…"
              />
            </ActionField>
            <ActionField name="name" label="Name">
              <TextInput name="name" required />
            </ActionField>
            <ActionField
              name="usageSchema"
              label="Usage schema"
              hint="QT quantity only; TR, PR, CR also carry amounts."
            >
              <OptionSelect name="usageSchema" options={asOptions(usageSchemas)} />
            </ActionField>
            <ActionField name="currency" label="Currency">
              <TextInput name="currency" required maxLength={3} placeholder="USD" />
            </ActionField>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
