import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysCard } from "@/components/profile/api-keys-card";
import { ChangePasswordFields } from "@/components/profile/change-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/actor";
import { listOwnApiKeys } from "@/lib/server/queries/api-keys";
import { changePasswordAction, createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  const keys = await listOwnApiKeys(actor);
  return (
    <>
      <PageHeader title="Profile" subtitle={`${actor.name} · ${actor.email} · ${actor.accountName}`} />
      <Card title="Change password" className="max-w-md">
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <ChangePasswordFields />
        </ActionForm>
      </Card>
      <p className="mt-6 text-sm">
        <Link href="/settings/webhooks" className="text-brand-700 underline">
          Webhooks
        </Link>{" "}
        send your systems a signed message for each change to your usage files.
      </p>
      <div className="mt-6">
        <ApiKeysCard keys={keys} createAction={createApiKeyAction} revokeAction={revokeApiKeyAction} />
      </div>
    </>
  );
}
