import type { Metadata } from "next";
import { UserPlacementFields } from "@/components/admin/user-fields";
import { UsersDataTable } from "@/components/admin/users-data-table";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { userRoles } from "@/lib/domain/catalog";
import { requireRole } from "@/lib/server/actor";
import { rowsQuery } from "@/lib/table-url";
import { userRows } from "../../rows/table-rows";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireRole("admin");
  const query = rowsQuery(await searchParams);
  const [page, accounts] = await Promise.all([userRows(query), listAccounts(actor)]);

  return (
    <>
      <PageHeader title="Users" subtitle="New users sign in with a temporary password and must choose their own." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <DataTableToolbar
            searchLabel="Search name or email"
            filters={[
              {
                kind: "choice",
                param: "account",
                label: "Account",
                options: accounts.map((a) => ({ value: a.id, label: a.name })),
              },
              { kind: "choice", param: "role", label: "Role", options: userRoles.map((r) => ({ value: r, label: r })) },
              {
                kind: "choice",
                param: "active",
                label: "Status",
                options: [
                  { value: "yes", label: "Active" },
                  { value: "no", label: "Inactive" },
                ],
              },
            ]}
          />
          <UsersDataTable initial={{ query, page }} source="/rows/users" />
        </Card>
        <Card title="New user">
          <ActionForm action={createUserAction} submitLabel="Create user">
            <ActionField name="name" label="Name">
              <TextInput name="name" required />
            </ActionField>
            <ActionField name="email" label="Email">
              <TextInput name="email" type="email" required />
            </ActionField>
            <UserPlacementFields accounts={accounts} />
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
