"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormStatus } from "@/components/ui/form";
import type { SheetRowError } from "@/lib/domain/admin-subscription-sheet";
import type { FormState } from "@/lib/server/form-action";

export type ImportState = FormState & { rowErrors?: SheetRowError[] };

/** Uploads a subscription sheet; when any row is wrong, nothing is imported and each problem is listed by row. */
export function SubscriptionImportForm({
  action,
  columns,
}: {
  action: (previous: ImportState, formData: FormData) => Promise<ImportState>;
  /** The sheet's column names, from the server (`subscriptionSheetColumns`). */
  columns: string[];
}) {
  const [state, submit, pending] = useActionState<ImportState, FormData>(action, {});
  return (
    <form action={submit} className="space-y-4">
      <p className="text-sm text-slate-600">
        A .csv or .xlsx sheet, header on row 1, one subscription per row. Columns:{" "}
        <code className="text-xs">{columns.join(", ")}</code>. Parameters are written{" "}
        <code className="text-xs">name=value; name=value</code>, dates YYYY-MM-DD (UTC).
      </p>
      <Field label="Sheet" error={state.fields?.sheet}>
        <input name="sheet" type="file" accept=".csv,.xlsx" required className="mt-1 block text-sm" />
      </Field>
      <FormStatus state={state} />
      {state.rowErrors && <RowErrors errors={state.rowErrors} />}
      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : "Import subscriptions"}
      </Button>
    </form>
  );
}

function RowErrors({ errors }: { errors: SheetRowError[] }) {
  return (
    <table className="w-full text-left text-sm" aria-label="Problems by row">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Row</th>
          <th className="py-1 pr-3 font-medium">Column</th>
          <th className="py-1 font-medium">Problem</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {errors.map((error, index) => (
          <tr key={index}>
            <td className="py-1 pr-3 tabular-nums">{error.row}</td>
            <td className="py-1 pr-3 font-mono text-xs">{error.column ?? "—"}</td>
            <td className="py-1">{error.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
