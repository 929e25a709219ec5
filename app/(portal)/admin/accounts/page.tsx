import type { Metadata } from "next";
import { AccountsTable } from "@/components/admin/accounts-table";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { Select, TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { managedAccountKinds } from "@/lib/domain/admin-input";
import { requireRole } from "@/lib/server/actor";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { createAccountAction, renameAccountAction } from "./actions";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  const actor = await requireRole("admin");
  const accounts = await listAccounts(actor);
  return (
    <>
      <PageHeader title="Accounts" subtitle="Vendors report usage; distributors and resellers review and bill it." />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <AccountsTable rows={accounts} rename={renameAccountAction} />
        </Card>
        <Card title="New account">
          <ActionForm action={createAccountAction} submitLabel="Create account">
            <ActionField name="name" label="Name">
              <TextInput name="name" required />
            </ActionField>
            <ActionField name="kind" label="Kind">
              <Select name="kind" required defaultValue="">
                <option value="">Choose a kind…</option>
                {managedAccountKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind}
                  </option>
                ))}
              </Select>
            </ActionField>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
