import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { MissingUsageDataTable } from "@/components/missing-usage/missing-usage-data-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { missingUsageListQuery, usageReportingStatuses } from "@/lib/domain/missing-usage";
import { firstValues } from "@/lib/domain/table-query";
import { statusLabels } from "@/lib/domain/usage-file-status";
import type { SignedInActor } from "@/lib/server/actor";
import { listContractChoices } from "@/lib/server/queries/catalog";
import { rowsQuery } from "@/lib/table-url";
import { missingUsagePeriod, missingUsageRows } from "./rows/table-rows";

export const missingUsageTitle = "Missing usage";

/** What the report means to each side: what the vendor has not sent, what the distributor cannot bill. */
const meaning = {
  vendor: "usage you have not sent yet",
  distributor: "nothing to bill for them yet",
} as const;

/**
 * The missing-usage report of a vendor or a distributor: the month's active subscriptions that no
 * file the viewer counts reports usage for, filtered by product and contract, paged on the server.
 */
export async function MissingUsagePage({
  actor,
  role,
  searchParams,
}: {
  actor: SignedInActor;
  role: keyof typeof meaning;
  searchParams: Record<string, string | string[]>;
}) {
  const query = rowsQuery(searchParams);
  const period = missingUsagePeriod(missingUsageListQuery.parse(firstValues(searchParams)));
  const [page, choices] = await Promise.all([missingUsageRows(query), listContractChoices(actor)]);
  const counted = usageReportingStatuses(actor).map((status) => statusLabels[status]);
  const party = (contract: (typeof choices.contracts)[number]) =>
    role === "vendor" ? contract.distributorName : contract.vendorName;
  return (
    <>
      <PageHeader
        title={missingUsageTitle}
        subtitle={`Active subscriptions of ${actor.accountName}'s contracts that no usage file (${counted.join(", ")}) of the month reports usage for: ${meaning[role]}.`}
      />
      <Card>
        <DataTableToolbar
          filters={[
            { kind: "input", param: "period", label: "Month", type: "month", fallback: period },
            {
              kind: "choice",
              param: "product",
              label: "Product",
              options: choices.products.map((p) => ({ value: p.id, label: p.name })),
            },
            {
              kind: "choice",
              param: "contract",
              label: "Contract",
              options: choices.contracts.map((c) => ({ value: c.id, label: `${c.id} · ${party(c)}` })),
            },
          ]}
        />
        <MissingUsageDataTable initial={{ query, page }} source="/rows/missing-usage" />
      </Card>
    </>
  );
}
