import type { Metadata } from "next";
import { AuditDataTable } from "@/components/admin/audit-data-table";
import { asOptions } from "@/components/admin/option-select";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { PagePagination } from "@/components/data-table/page-pagination";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { eventListQuery } from "@/lib/domain/admin-query";
import { firstValues } from "@/lib/domain/table-query";
import { requireRole } from "@/lib/server/actor";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { listEventKinds, listEvents } from "@/lib/server/queries/admin-audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("admin");
  const query = eventListQuery.parse(firstValues(await searchParams));
  const [{ rows, total }, kinds, accounts] = await Promise.all([
    listEvents(actor, query),
    listEventKinds(actor),
    listAccounts(actor),
  ]);

  return (
    <>
      <PageHeader title="Audit log" subtitle="Every sign-in, change and usage-file transition on the platform." />
      <Card>
        <DataTableToolbar
          filters={[
            { kind: "input", param: "actor", label: "Actor (email or user id)", type: "text" },
            {
              kind: "choice",
              param: "account",
              label: "Account",
              options: accounts.map((a) => ({ value: a.id, label: a.name })),
            },
            { kind: "choice", param: "objectType", label: "Object type", options: asOptions(kinds.objectTypes) },
            { kind: "input", param: "objectId", label: "Object id", type: "text" },
            { kind: "choice", param: "action", label: "Action", options: asOptions(kinds.actions) },
          ]}
        />
        <AuditDataTable rows={rows} sort={query.sort} />
        <PagePagination page={query.page} size={query.size} total={total} />
      </Card>
    </>
  );
}
