import { notFound } from "next/navigation";
import { RecordGrid } from "@/components/records/record-grid";
import { recordGridPage } from "@/components/records/record-grid-page";
import { Card } from "@/components/ui/card";
import { AmendmentChain } from "@/components/usage-files/amendment-chain";
import { AmendmentSummary } from "@/components/usage-files/amendment-summary";
import { Conversation } from "@/components/usage-files/conversation";
import { ErrorDetailPanel } from "@/components/usage-files/error-detail-panel";
import { HistoryTimeline } from "@/components/usage-files/history-timeline";
import { InternalNoteForm } from "@/components/usage-files/internal-note-form";
import { ItemTotals } from "@/components/usage-files/item-totals";
import { ProcessingProgress } from "@/components/usage-files/processing-progress";
import { RecordCounts } from "@/components/usage-files/record-counts";
import { ReviewOutcome } from "@/components/usage-files/review-outcome";
import { UploadDropzone } from "@/components/usage-files/upload-dropzone";
import { UsageFileSummary } from "@/components/usage-files/usage-file-summary";
import { VendorFileActions } from "@/components/usage-files/vendor-file-actions";
import { UsageFileChecks } from "@/components/usage-files/usage-file-checks";
import { correctionChoices } from "@/lib/domain/correction-choices";
import { commentTextMax } from "@/lib/domain/usage-comments";
import { statusesVisibleToDistributors, usageFilePath } from "@/lib/domain/permissions";
import { usageRecordListQuery } from "@/lib/domain/usage-record-query";
import { allowedActions, recordStatusLabels, type UsageFileStatus } from "@/lib/domain/usage-file-status";
import { usageWarningLabels } from "@/lib/domain/usage-warnings";
import { requireRole } from "@/lib/server/actor";
import { billingFigureLabelOf } from "@/lib/domain/usage-aggregates";
import { listUsageFileItems } from "@/lib/server/queries/catalog";
import { listSubscriptionsActiveIn } from "@/lib/server/queries/subscriptions";
import { listUsageFileHistory } from "@/lib/server/queries/usage-file-history";
import { listReadableComments } from "@/lib/server/queries/usage-file-comments";
import { listDisputedRecords } from "@/lib/server/queries/usage-file-changes";
import { reviewFilterLabels } from "@/lib/domain/usage-disputes";
import { DisputedRecords } from "@/components/usage-files/disputed-records";
import { listUsageRecords } from "@/lib/server/queries/usage-records";
import { listAmendmentChain } from "@/lib/server/queries/usage-files";
import { getAmendmentSummary } from "@/lib/server/queries/usage-file-amendments";
import { amendmentRefusal } from "@/lib/domain/usage-amendments";
import { uploadLimits } from "@/lib/server/usage-files/upload-limits";
import { queryValues, rowsQuery } from "@/lib/table-url";
import {
  amendUsageFileAction,
  commentOnUsageFileAction,
  correctRecordAction,
  deleteUsageFileAction,
  submitUsageFileAction,
  updateInternalNoteAction,
} from "../actions";
import { usageFileTitle } from "../../../page-titles";

export const generateMetadata = usageFileTitle;

/** Before submission the distributor reads nothing of the conversation; after it, each comment reaches it. */
function conversationHint(status: UsageFileStatus): string {
  if (!statusesVisibleToDistributors.includes(status)) {
    return "The distributor reads only what is written once the file is submitted; until then, your account alone.";
  }
  return status === "rejected"
    ? "The distributor is notified; answering needs no new upload."
    : "The distributor is notified.";
}

export default async function VendorUsageFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("vendor");
  const rows = rowsQuery(await searchParams);
  const query = usageRecordListQuery.parse(queryValues(rows));
  const listed = await listUsageRecords(actor, (await params).id, query);
  if (!listed) notFound();
  const { file, page } = listed;
  // An Invalid file's invalid records, or any record of a Rejected one (issue 21).
  const correcting = file.status === "invalid" || file.status === "rejected";
  const [items, history, conversation, disputed, subscriptions, chain, amendment] = await Promise.all([
    listUsageFileItems(actor, file.id),
    listUsageFileHistory(actor, file.id),
    listReadableComments(actor, file.id),
    listDisputedRecords(actor, file.id),
    correcting
      ? listSubscriptionsActiveIn(actor, {
          productId: file.productId,
          contractId: file.contractId,
          period: { from: file.periodFrom, to: file.periodTo },
        })
      : [],
    listAmendmentChain(actor, file),
    getAmendmentSummary(actor, file.id),
  ]);
  const api = `/api/v1/usage/files/${encodeURIComponent(file.id)}`;
  const allowed = allowedActions(file.status);
  const inProgress = file.status === "uploading" || file.status === "processing";

  return (
    <div className="space-y-6">
      <UsageFileSummary
        file={file}
        actions={
          <VendorFileActions
            usageFileId={file.id}
            allowed={allowed}
            submitAction={submitUsageFileAction}
            deleteAction={deleteUsageFileAction}
            amendAction={amendmentRefusal(file) === null ? amendUsageFileAction : null}
          />
        }
      />
      <ReviewOutcome file={file} />
      {chain.length > 1 && (
        <AmendmentChain chain={chain} currentId={file.id} pathOf={(id) => usageFilePath(actor.role, id)} />
      )}
      {amendment && <AmendmentSummary summary={amendment} withAmounts={file.usageSchema !== "QT"} />}
      {file.status === "rejected" && disputed && disputed.length > 0 && (
        <Card title={`Disputed records (${disputed.length.toLocaleString("en-US")})`}>
          <DisputedRecords records={disputed} gridHref="?review=disputed#records" />
        </Card>
      )}
      <Conversation
        usageFileId={file.id}
        filePath={usageFilePath(actor.role, file.id)}
        comments={conversation.rows}
        post={commentOnUsageFileAction}
        hint={conversationHint(file.status)}
      />
      {inProgress && (
        <Card title="Processing">
          <ProcessingProgress usageFileId={file.id} initial={file} />
        </Card>
      )}
      {file.status === "invalid" && file.errorDetail && (
        <ErrorDetailPanel detail={file.errorDetail} processedHref={`${api}/processed-file`} />
      )}
      {allowed.includes("upload") && (
        <Card title={file.uploadedFileId ? "Upload a corrected spreadsheet" : "Upload usage"}>
          <p className="mb-3 text-sm text-slate-600">
            Fill the{" "}
            <a className="text-brand-700 underline" href={`${api}/template`}>
              usage template
            </a>{" "}
            for this file and upload it; it is checked against the catalog in the background.
          </p>
          <UploadDropzone usageFileId={file.id} maxBytes={uploadLimits().maxBytes} />
        </Card>
      )}
      <UsageFileChecks actor={actor} file={file} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Totals · ${billingFigureLabelOf(file.status)}`} className="lg:col-span-2">
          {file.stats ? (
            <>
              <RecordCounts stats={file.stats} />
              <ItemTotals stats={file.stats} items={items} currency={file.currency} />
            </>
          ) : (
            <p className="text-sm text-slate-500">No records yet: upload a spreadsheet to see its totals.</p>
          )}
        </Card>
        <Card title="Internal note (vendor only)">
          <InternalNoteForm action={updateInternalNoteAction} usageFileId={file.id} note={file.internalNote ?? ""} />
        </Card>
      </div>
      {file.stats && (
        <Card>
          <div id="records">
            <RecordGrid
              initial={{ query: rows, page: recordGridPage(page, query) }}
              source={`/rows/records?file=${encodeURIComponent(file.id)}`}
              fileTotal={file.stats.records}
              schema={file.usageSchema}
              items={items.map(({ id, mpn }) => ({ id, mpn }))}
              statusLabels={recordStatusLabels}
              warningLabels={usageWarningLabels}
              otherFileHref="/vendor/files"
              commenting={{ usageFileId: file.id, action: commentOnUsageFileAction, maxLength: commentTextMax }}
              reviewLabels={disputed && disputed.length > 0 ? reviewFilterLabels : undefined}
              correction={
                correcting
                  ? {
                      action: correctRecordAction,
                      usageFileId: file.id,
                      choices: correctionChoices(items, subscriptions),
                    }
                  : undefined
              }
            >
              <div className="mb-3 flex flex-wrap gap-4 text-sm">
                <a className="text-brand-700 underline" href={`${api}/uploaded-file`}>
                  Download the uploaded spreadsheet
                </a>
                {file.status === "invalid" && file.errorDetail?.kind === "records" && (
                  <a className="text-brand-700 underline" href={`${api}/processed-file`}>
                    Download it with the errors marked
                  </a>
                )}
              </div>
            </RecordGrid>
          </div>
        </Card>
      )}
      <Card title="History">
        <HistoryTimeline entries={history ?? []} />
      </Card>
    </div>
  );
}
