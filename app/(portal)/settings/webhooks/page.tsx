import type { Metadata } from "next";
import { EventTypeCheckboxes } from "@/components/notifications/event-type-checkboxes";
import { WebhookEndpointCard } from "@/components/notifications/webhook-endpoint-card";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { notificationTypeLabels, notificationTypesFor } from "@/lib/domain/notifications";
import { requireActor } from "@/lib/server/actor";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/server/webhooks/manage-webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
  testWebhookAction,
} from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

const actions = {
  test: testWebhookAction,
  rotateSecret: rotateWebhookSecretAction,
  setEnabled: setWebhookEnabledAction,
  remove: deleteWebhookAction,
  redeliver: redeliverWebhookAction,
};

export default async function WebhooksPage() {
  const actor = await requireActor();
  const endpoints = await listWebhookEndpoints(actor);
  const logs = await Promise.all(
    endpoints.map(async (endpoint) => {
      const page = await listWebhookDeliveries(actor, endpoint.id, { limit: 20, offset: 0 });
      return page.ok ? page.value.rows : [];
    }),
  );
  const offered = notificationTypesFor(actor.role);
  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Signed HTTPS messages (Standard Webhooks) to your systems for each change to your usage files."
      />
      <Card title="Add an endpoint" className="max-w-3xl">
        <ActionForm action={createWebhookAction} submitLabel="Add endpoint" className="space-y-3">
          <ActionField name="url" label="URL" hint="https only; it must not point to a private address.">
            <TextInput name="url" type="url" required placeholder="https://billing.example.com/webhooks" />
          </ActionField>
          <ActionField name="description" label="Description">
            <TextInput name="description" maxLength={500} />
          </ActionField>
          <EventTypeCheckboxes legend="Events" types={offered} labels={notificationTypeLabels} checked={offered} />
        </ActionForm>
      </Card>
      <div className="mt-6 space-y-6">
        {endpoints.map((endpoint, index) => (
          <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} deliveries={logs[index]!} actions={actions} />
        ))}
      </div>
    </>
  );
}
