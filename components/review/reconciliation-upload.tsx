"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ClosingRefusalReason } from "@/lib/domain/record-closing";

/** The API's answer, named as the API names its fields. */
interface Report {
  closed: string[];
  refused: { id: string; reason: ClosingRefusalReason }[];
  rows_without_billing_id: number;
}

type State =
  { kind: "idle" } | { kind: "sending" } | { kind: "done"; report: Report } | { kind: "error"; message: string };

const shownRefusals = 50;

/**
 * Sends the billing export back with billing ids filled. It goes to the API route rather than a
 * server action: a sheet of a million rows is far above a server action's body limit.
 */
export function ReconciliationUpload({
  usageFileId,
  refusalMessages,
}: {
  usageFileId: string;
  /** What each refusal reason means, from the server (`closingRefusalMessages`). */
  refusalMessages: Record<ClosingRefusalReason, string>;
}) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: "sending" });
    const response = await fetch(`/api/v1/usage/files/${encodeURIComponent(usageFileId)}/reconciliation`, {
      method: "POST",
      body: new FormData(event.currentTarget),
    }).catch(() => null);
    if (!response)
      return setState({ kind: "error", message: "The upload was interrupted. Check your connection and try again." });
    const body = (await response.json().catch(() => ({}))) as Report & { errors?: string[] };
    if (!response.ok)
      return setState({ kind: "error", message: body.errors?.[0] ?? `The upload failed (HTTP ${response.status}).` });
    setState({ kind: "done", report: body });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-center gap-3">
        <input
          type="file"
          name="recon_file"
          required
          accept=".xlsx,.csv"
          aria-label="Reconciliation sheet"
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <Button type="submit" variant="secondary" disabled={state.kind === "sending"}>
          {state.kind === "sending" ? "Reconciling…" : "Upload reconciliation"}
        </Button>
      </form>
      {state.kind === "error" && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
      {state.kind === "done" && <ReconciliationReport report={state.report} refusalMessages={refusalMessages} />}
    </div>
  );
}

function count(total: number, noun: string): string {
  return `${total.toLocaleString("en-US")} ${noun}${total === 1 ? "" : "s"}`;
}

function ReconciliationReport({
  report,
  refusalMessages,
}: {
  report: Report;
  refusalMessages: Record<ClosingRefusalReason, string>;
}) {
  return (
    <div role="status" className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p>
        <strong>{count(report.closed.length, "record")}</strong> closed,{" "}
        <strong>{count(report.refused.length, "row")}</strong> refused, {count(report.rows_without_billing_id, "row")}{" "}
        without a billing id left open.
      </p>
      {report.refused.length > 0 && (
        <ul className="list-inside list-disc text-slate-700">
          {report.refused.slice(0, shownRefusals).map((refusal) => (
            <li key={`${refusal.id}-${refusal.reason}`}>
              <span className="font-mono">{refusal.id || "(no id)"}</span>: {refusalMessages[refusal.reason]}
            </li>
          ))}
          {report.refused.length > shownRefusals && <li>… and {report.refused.length - shownRefusals} more.</li>}
        </ul>
      )}
    </div>
  );
}
