import type { Metadata } from "next";
import Link from "next/link";
import { EventTypeCheckboxes } from "@/components/notifications/event-type-checkboxes";
import { ApiKeysCard } from "@/components/profile/api-keys-card";
import { ChangePasswordFields } from "@/components/profile/change-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mailableTopics, mailTopicLabels } from "@/lib/domain/notification-mail";
import { requireActor } from "@/lib/server/actor";
import { mailIsOn } from "@/lib/server/mail/transport";
import { listOwnApiKeys } from "@/lib/server/queries/api-keys";
import { ownMailTopics } from "@/lib/server/queries/mail-topics";
import { changePasswordAction, createApiKeyAction, revokeApiKeyAction, setMailTopicsAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  const [keys, topics] = await Promise.all([listOwnApiKeys(actor), ownMailTopics(actor)]);
  return (
    <>
      <PageHeader title="Profile" subtitle={`${actor.name} · ${actor.email} · ${actor.accountName}`} />
      <Card title="Change password" className="max-w-md">
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <ChangePasswordFields />
        </ActionForm>
      </Card>
      <Card title="E-mail notifications" className="mt-6 max-w-3xl">
        <p className="mb-3 text-sm text-slate-600">
          {mailIsOn()
            ? `Mailed to ${actor.email}; every notification also shows under the bell.`
            : "This portal sends no mail yet (SMTP_URL is not set); your choice applies once it does."}
        </p>
        <ActionForm action={setMailTopicsAction} submitLabel="Save e-mail settings">
          <EventTypeCheckboxes
            legend="Mail me when"
            types={mailableTopics(actor.role)}
            labels={mailTopicLabels}
            checked={topics}
          />
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
