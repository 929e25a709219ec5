import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NewUsageFileWizard } from "@/components/usage-files/new-usage-file-wizard";
import { lastFullMonth, periodDays } from "@/lib/domain/usage-file-input";
import { requireRole } from "@/lib/server/actor";
import { listVendorContracts, listVendorProducts } from "@/lib/server/queries/catalog";
import { createUsageFileAction } from "../actions";

export const metadata: Metadata = { title: "New usage file" };

export default async function NewUsageFilePage() {
  const actor = await requireRole("vendor");
  const [products, contracts] = await Promise.all([listVendorProducts(actor), listVendorContracts(actor)]);
  return (
    <>
      <PageHeader title="New usage file" subtitle="Report a period of usage of one product under one contract." />
      <NewUsageFileWizard
        action={createUsageFileAction}
        products={products.map(({ id, name, currency, usageSchema }) => ({ id, name, currency, usageSchema }))}
        contracts={contracts.filter((c) => c.active)}
        defaultPeriod={periodDays(lastFullMonth(new Date()))}
      />
    </>
  );
}
