import type { Metadata } from "next";
import { ChangePasswordFields } from "@/components/profile/change-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/actor";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  return (
    <>
      <PageHeader title="Profile" subtitle={`${actor.name} · ${actor.email} · ${actor.accountName}`} />
      <Card title="Change password" className="max-w-md">
        <ActionForm action={changePasswordAction} submitLabel="Change password">
          <ChangePasswordFields />
        </ActionForm>
      </Card>
    </>
  );
}
