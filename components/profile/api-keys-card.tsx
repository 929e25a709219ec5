import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format";
import type { FormAction } from "@/lib/server/form-action";
import type { OwnApiKey } from "@/lib/server/queries/api-keys";

function KeyRow({ apiKey, revokeAction }: { apiKey: OwnApiKey; revokeAction: FormAction }) {
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="py-2 pr-4 font-medium">{apiKey.name}</td>
      <td className="py-2 pr-4">{formatDateTime(apiKey.createdAt)}</td>
      <td className="py-2 pr-4">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : "Never"}</td>
      <td className="py-2">
        {apiKey.revokedAt ? (
          `Revoked ${formatDateTime(apiKey.revokedAt)}`
        ) : (
          <ActionForm action={revokeAction} submitLabel="Revoke" className="space-y-2">
            <input type="hidden" name="keyId" value={apiKey.id} />
          </ActionForm>
        )}
      </td>
    </tr>
  );
}

/** The user's API keys (`Authorization: ApiKey <key>`): create one, see when each was last used, revoke. */
export function ApiKeysCard({
  keys,
  createAction,
  revokeAction,
}: {
  keys: OwnApiKey[];
  createAction: FormAction;
  revokeAction: FormAction;
}) {
  return (
    <Card title="API keys" className="max-w-3xl">
      {keys.length > 0 && (
        <table className="mb-4 w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="pb-1 pr-4">Name</th>
              <th className="pb-1 pr-4">Created</th>
              <th className="pb-1 pr-4">Last used</th>
              <th className="pb-1">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((apiKey) => (
              <KeyRow key={apiKey.id} apiKey={apiKey} revokeAction={revokeAction} />
            ))}
          </tbody>
        </table>
      )}
      <ActionForm action={createAction} submitLabel="Create key" className="max-w-md space-y-3">
        <ActionField name="name" label="New key's name" hint="The key is shown once; only its hash is kept.">
          <TextInput name="name" required maxLength={100} />
        </ActionField>
      </ActionForm>
      <p className="mt-3 text-xs text-slate-500">
        See the{" "}
        <a className="underline" href="/api-docs">
          API reference
        </a>
        .
      </p>
    </Card>
  );
}
