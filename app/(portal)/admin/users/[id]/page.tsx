import { notFound } from "next/navigation";
import { ActiveBadge } from "@/components/admin/active-badge";
import { UserPlacementFields } from "@/components/admin/user-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/server/actor";
import { listAccounts } from "@/lib/server/queries/admin-accounts";
import { getUser } from "@/lib/server/queries/admin-users";
import { deactivateUserAction, reactivateUserAction, resetPasswordAction, updateUserAction } from "../actions";
import { userTitle } from "../../../page-titles";

export const generateMetadata = userTitle;

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const [user, accounts] = await Promise.all([getUser(actor, (await params).id), listAccounts(actor)]);
  if (!user) notFound();
  const target = { userId: user.id };

  return (
    <>
      <PageHeader
        title={user.name}
        subtitle={
          <>
            {user.email} · {user.accountName} ·{" "}
            <ActiveBadge active={user.active} pendingPassword={user.mustChangePassword} />
          </>
        }
        actions={
          user.active ? (
            <ConfirmDialog
              action={deactivateUserAction}
              hidden={target}
              trigger="Deactivate"
              title={`Deactivate ${user.name}?`}
              description="Their sessions and API keys stop working at once, and they cannot sign in until reactivated."
              confirmLabel="Deactivate"
              variant="danger"
            />
          ) : (
            <ConfirmDialog
              action={reactivateUserAction}
              hidden={target}
              trigger="Reactivate"
              title={`Reactivate ${user.name}?`}
              description="They can sign in again, and their API keys work again."
              confirmLabel="Reactivate"
            />
          )
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Account and role">
          <ActionForm key={`${user.accountId}:${user.role}`} action={updateUserAction} submitLabel="Save">
            <input type="hidden" name="userId" value={user.id} />
            <UserPlacementFields accounts={accounts} accountId={user.accountId} role={user.role} />
          </ActionForm>
        </Card>
        <Card title="Reset password">
          <ActionForm action={resetPasswordAction} submitLabel="Reset password">
            <input type="hidden" name="userId" value={user.id} />
            <p className="text-sm text-slate-600">
              Sets a new temporary password, shown here once, and ends the user&apos;s sessions. They must choose their
              own at the next sign-in.
            </p>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" required /> I want to reset this user&apos;s password
            </label>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
