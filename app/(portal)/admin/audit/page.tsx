import type { Metadata } from "next";
import { AuditDataTable } from "@/components/admin/audit-data-table";
import { asOptions } from "@/components/admin/option-select";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/server/actor";
import { rowsQuery } from "@/lib/table-url";
import { auditRows } from "../../rows/table-rows";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { listEventKinds } from "@/lib/server/queries/admin-audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("admin");
  const query = rowsQuery(await searchParams);
  const [page, kinds, accounts] = await Promise.all([auditRows(query), listEventKinds(actor), listAccounts(actor)]);

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
        <AuditDataTable initial={{ query, page }} source="/rows/audit" />
      </Card>
    </>
  );
}
