import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BillingActions } from "@/components/review/billing-actions";
import { CloseRecordsForm } from "@/components/review/close-records-form";
import { ReconciliationUpload } from "@/components/review/reconciliation-upload";
import { ChangesSinceRejection } from "@/components/review/changes-since-rejection";
import { ReviewDecision } from "@/components/review/review-decision";
import { SubscriptionTotals } from "@/components/review/subscription-totals";
import { UsageCharts } from "@/components/review/usage-charts";
import { RecordGrid } from "@/components/records/record-grid";
import { recordGridPage } from "@/components/records/record-grid-page";
import { Card } from "@/components/ui/card";
import { AmendmentChain } from "@/components/usage-files/amendment-chain";
import { AmendmentSummary } from "@/components/usage-files/amendment-summary";
import { Conversation } from "@/components/usage-files/conversation";
import { HistoryTimeline } from "@/components/usage-files/history-timeline";
import { ItemTotals } from "@/components/usage-files/item-totals";
import { UsageFileSummary } from "@/components/usage-files/usage-file-summary";
import { UsageFileChecks } from "@/components/usage-files/usage-file-checks";
import { billingFigureLabelOf } from "@/lib/domain/usage-aggregates";
import { dailyUsageCharts } from "@/lib/domain/usage-charts";
import { closingRefusalMessages } from "@/lib/domain/record-closing";
import { usageFilePath } from "@/lib/domain/permissions";
import { commentTextMax } from "@/lib/domain/usage-comments";
import { recordStatusLabels } from "@/lib/domain/usage-file-status";
import { usageWarningLabels } from "@/lib/domain/usage-warnings";
import { defaultAcceptanceNote } from "@/lib/domain/usage-file-review";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { requireRole } from "@/lib/server/actor";
import { listUsageFileItems } from "@/lib/server/queries/catalog";
import { subscriptionExternalIds } from "@/lib/server/queries/subscriptions";
import { listUsageFileHistory } from "@/lib/server/queries/usage-file-history";
import { listReadableComments } from "@/lib/server/queries/usage-file-comments";
import { getLastRejection, getUsageFileChanges } from "@/lib/server/queries/usage-file-changes";
import type { Actor } from "@/lib/domain/permissions";
import { maxDisputedRecords, reviewFilterLabels } from "@/lib/domain/usage-disputes";
import { listUsageRecords } from "@/lib/server/queries/usage-records";
import { listAmendmentChain } from "@/lib/server/queries/usage-files";
import { getAmendmentSummary } from "@/lib/server/queries/usage-file-amendments";
import { exportableStatuses } from "@/lib/domain/record-export";
import { hasRecordsToClose } from "@/lib/server/usage-records/open-records";
import { formatPeriod } from "@/lib/format";
import { queryValues, rowsQuery } from "@/lib/table-url";
import {
  acceptUsageFileAction,
  closeRemainingRecordsAction,
  closeUsageFileAction,
  closeUsageRecordsAction,
  commentOnUsageFileAction,
  rejectUsageFileAction,
  updateRecordBillingAction,
} from "../actions";
import { usageFileTitle } from "../../../page-titles";

/** The billing exports; an original with billed amendments also exports them after its own records. */
function ExportLinks({ usageFileId, withAmendments }: { usageFileId: string; withAmendments: boolean }) {
  const href = (format: string, amendments = false) =>
    `/api/v1/usage/files/${encodeURIComponent(usageFileId)}/export?format=${format}${amendments ? "&amendments=true" : ""}`;
  const linkClass =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap gap-2">
      <a className={linkClass} href={href("csv")} download>
        Export CSV
      </a>
      <a className={linkClass} href={href("xlsx")} download>
        Export XLSX
      </a>
      {withAmendments && (
        <>
          <a className={linkClass} href={href("csv", true)} download>
            Export CSV with amendments
          </a>
          <a className={linkClass} href={href("xlsx", true)} download>
            Export XLSX with amendments
          </a>
        </>
      )}
    </div>
  );
}

export const generateMetadata = usageFileTitle;

async function Changes({ actor, usageFileId }: { actor: Actor; usageFileId: string }) {
  const changes = (await getUsageFileChanges(actor, usageFileId))?.rejection;
  if (!changes) return <p className="text-sm text-slate-500">The rejected records are no longer kept.</p>;
  return <ChangesSinceRejection changes={changes} gridHref="?review=changed#records" />;
}

export default async function DistributorUsageFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("distributor");
  const rows = rowsQuery(await searchParams);
  const query = usageRecordListQuery.parse(queryValues(rows));
  const listed = await listUsageRecords(actor, (await params).id, query);
  if (!listed) notFound();
  const { file, page } = listed;
  const [items, history, conversation, recordsToClose, externalIds, rejection, chain, amendment] = await Promise.all([
    listUsageFileItems(actor, file.id),
    listUsageFileHistory(actor, file.id),
    listReadableComments(actor, file.id),
    hasRecordsToClose(file),
    subscriptionExternalIds(actor, file.stats?.bySubscription?.map((row) => row.subscriptionId) ?? []),
    getLastRejection(actor, file.id),
    listAmendmentChain(actor, file),
    getAmendmentSummary(actor, file.id),
  ]);
  const billedAmendments = chain.some(
    (other) => other.amends === file.id && (exportableStatuses as readonly string[]).includes(other.status),
  );
  const period = { from: file.periodFrom, to: file.periodTo };
  const billable = file.status === "accepted" || file.status === "closed";

  return (
    <div className="space-y-6">
      <UsageFileSummary file={file} />
      {chain.length > 1 && (
        <AmendmentChain chain={chain} currentId={file.id} pathOf={(id) => usageFilePath(actor.role, id)} />
      )}
      {amendment && <AmendmentSummary summary={amendment} withAmounts={file.usageSchema !== "QT"} />}
      {file.status === "pending" && (
        <Card title="Review">
          <ReviewDecision
            usageFileId={file.id}
            defaultAcceptanceNote={defaultAcceptanceNote}
            accept={acceptUsageFileAction}
            reject={rejectUsageFileAction}
          />
        </Card>
      )}
      {/* Until the vendor sends the file again there is nothing to compare with the rejection. */}
      {rejection && file.status !== "rejected" && (
        <Card title="Changes since the last rejection">
          {/* Streamed: on a big re-uploaded file the comparison takes a while, and the rest of the page need not wait. */}
          <Suspense fallback={<p className="text-sm text-slate-500">Comparing with the rejected records…</p>}>
            <Changes actor={actor} usageFileId={file.id} />
          </Suspense>
        </Card>
      )}
      {billable && (
        <Card title="Billing">
          <div className="space-y-5">
            <div>
              <h3 className="mb-2 text-sm font-medium">Export the records with their billing columns</h3>
              <ExportLinks usageFileId={file.id} withAmendments={billedAmendments} />
            </div>
            {file.status === "accepted" && (
              <>
                <div>
                  <h3 className="mb-1 text-sm font-medium">Reconcile</h3>
                  <p className="mb-2 text-sm text-slate-600">
                    Fill <code>external_billing_id</code> (and <code>external_billing_note</code>) in the export and
                    upload it: matching records close.
                  </p>
                  <ReconciliationUpload usageFileId={file.id} refusalMessages={closingRefusalMessages} />
                </div>
                {recordsToClose && (
                  <div>
                    <h3 className="mb-2 text-sm font-medium">Close records by id</h3>
                    <CloseRecordsForm usageFileId={file.id} action={closeUsageRecordsAction} />
                  </div>
                )}
                <div>
                  <h3 className="mb-2 text-sm font-medium">Close</h3>
                  <BillingActions
                    usageFileId={file.id}
                    allRecordsClosed={!recordsToClose}
                    closeRemaining={closeRemainingRecordsAction}
                    closeFile={closeUsageFileAction}
                  />
                </div>
              </>
            )}
            {file.billingId && (
              <p className="text-sm text-slate-600">
                Remaining records closed with billing reference <span className="font-mono">{file.billingId}</span>
                {file.billingNote ? ` (${file.billingNote})` : ""}.
              </p>
            )}
          </div>
        </Card>
      )}
      <Conversation
        usageFileId={file.id}
        filePath={usageFilePath(actor.role, file.id)}
        comments={conversation.rows}
        post={commentOnUsageFileAction}
        hint="The vendor is notified."
      />
      <UsageFileChecks actor={actor} file={file} />
      {file.stats && (
        <>
          <Card title="Usage">
            <UsageCharts
              charts={dailyUsageCharts(file.stats, { period, currency: file.currency }, items)}
              period={formatPeriod(period.from, period.to)}
            />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={`Totals by item · ${billingFigureLabelOf(file.status)}`}>
              <ItemTotals stats={file.stats} items={items} currency={file.currency} />
            </Card>
            <Card title={`Totals by subscription · ${billingFigureLabelOf(file.status)}`}>
              {file.stats.bySubscription ? (
                <SubscriptionTotals
                  rows={file.stats.bySubscription}
                  omitted={file.stats.bySubscriptionOmitted ?? 0}
                  items={items}
                  currency={file.currency}
                  externalIds={externalIds}
                />
              ) : (
                <p className="text-sm text-slate-500">This file was processed before subscription totals were kept.</p>
              )}
            </Card>
          </div>
        </>
      )}
      <Card>
        <div id="records">
          <RecordGrid
            initial={{ query: rows, page: recordGridPage(page, query) }}
            source={`/rows/records?file=${encodeURIComponent(file.id)}`}
            fileTotal={file.stats?.records ?? 0}
            schema={file.usageSchema}
            items={items.map(({ id, mpn }) => ({ id, mpn }))}
            statusLabels={recordStatusLabels}
            warningLabels={usageWarningLabels}
            otherFileHref="/distributor/files"
            closing={file.status === "accepted" ? { usageFileId: file.id, close: closeUsageRecordsAction } : undefined}
            billingEdit={billable ? { usageFileId: file.id, save: updateRecordBillingAction } : undefined}
            commenting={{ usageFileId: file.id, action: commentOnUsageFileAction, maxLength: commentTextMax }}
            dispute={
              file.status === "pending"
                ? { usageFileId: file.id, reject: rejectUsageFileAction, maxRecords: maxDisputedRecords }
                : undefined
            }
            reviewLabels={rejection ? reviewFilterLabels : undefined}
          />
        </div>
      </Card>
      <Card title="History">
        <HistoryTimeline entries={history ?? []} />
      </Card>
    </div>
  );
}
