import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/lib/server/form-action";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/server/webhooks/manage-webhooks";

export interface WebhookEndpointActions {
  test: FormAction;
  rotateSecret: FormAction;
  setEnabled: FormAction;
  remove: FormAction;
  redeliver: FormAction;
}

const statusStyle: Record<string, string> = {
  succeeded: "bg-emerald-50 text-emerald-800",
  pending: "bg-amber-50 text-amber-800",
  failed: "bg-red-50 text-red-700",
};

function deliveryColumns(endpointId: string, redeliver: FormAction): SimpleColumn<WebhookDeliveryView>[] {
  return [
    { header: "Created", cell: (d) => formatDateTime(d.createdAt) },
    { header: "Event", cell: (d) => d.eventType, className: "font-mono text-xs" },
    {
      header: "Status",
      cell: (d) => (
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[d.status]}`}>{d.status}</span>
      ),
    },
    { header: "Attempts", cell: (d) => d.attempts, numeric: true },
    { header: "Response", cell: (d) => d.lastResponseStatus ?? (d.lastError ? "—" : ""), numeric: true },
    { header: "Latency", cell: (d) => (d.lastLatencyMs === null ? "" : `${d.lastLatencyMs} ms`), numeric: true },
    {
      header: "Next attempt",
      cell: (d) => (d.nextAttemptAt && d.status === "pending" ? formatDateTime(d.nextAttemptAt) : ""),
    },
    {
      header: "",
      cell: (d) => (
        <ActionForm action={redeliver} submitLabel="Redeliver" className="flex flex-col items-end gap-1">
          <input type="hidden" name="endpointId" value={endpointId} />
          <input type="hidden" name="deliveryId" value={d.id} />
        </ActionForm>
      ),
    },
  ];
}

function EndpointButton({
  action,
  endpointId,
  label,
  extra,
}: {
  action: FormAction;
  endpointId: string;
  label: string;
  extra?: Record<string, string>;
}) {
  return (
    <ActionForm action={action} submitLabel={label} className="flex flex-col gap-1">
      <input type="hidden" name="endpointId" value={endpointId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </ActionForm>
  );
}

/** One endpoint: where it sends, what, whether it is on, and its delivery log with redeliver. */
export function WebhookEndpointCard({
  endpoint,
  deliveries,
  actions,
}: {
  endpoint: WebhookEndpointView;
  deliveries: WebhookDeliveryView[];
  actions: WebhookEndpointActions;
}) {
  return (
    <Card>
      <h2 className="mb-3 break-all font-mono text-sm font-semibold text-slate-800">{endpoint.url}</h2>
      <dl className="mb-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Account</dt>
        <dd>{endpoint.accountName}</dd>
        {endpoint.description && (
          <>
            <dt className="text-slate-500">Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        <dt className="text-slate-500">Events</dt>
        <dd className="font-mono text-xs leading-5">{endpoint.events.join(", ")}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>{endpoint.enabled ? "On" : `Off${endpoint.disabledReason ? ` — ${endpoint.disabledReason}` : ""}`}</dd>
      </dl>
      <div className="mb-4 flex flex-wrap items-start gap-3">
        <EndpointButton action={actions.test} endpointId={endpoint.id} label="Send test" />
        <EndpointButton action={actions.rotateSecret} endpointId={endpoint.id} label="Rotate secret" />
        <EndpointButton
          action={actions.setEnabled}
          endpointId={endpoint.id}
          label={endpoint.enabled ? "Turn off" : "Turn on"}
          extra={{ enabled: String(!endpoint.enabled) }}
        />
        <ConfirmDialog
          action={actions.remove}
          hidden={{ endpointId: endpoint.id }}
          trigger="Remove"
          title="Remove this endpoint?"
          description={
            <p className="break-all">{endpoint.url} gets no more messages and its delivery log is deleted.</p>
          }
          confirmLabel="Remove"
          variant="danger"
          triggerVariant="secondary"
        />
      </div>
      <h3 className="mb-1 text-sm font-semibold text-slate-800">Delivery log</h3>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing sent yet.</p>
      ) : (
        <SimpleTable columns={deliveryColumns(endpoint.id, actions.redeliver)} rows={deliveries} rowKey={(d) => d.id} />
      )}
    </Card>
  );
}
