import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { ErrorDetailPanel } from "@/components/usage-files/error-detail-panel";
import { ItemTotals } from "@/components/usage-files/item-totals";
import { ProcessingProgress } from "@/components/usage-files/processing-progress";
import { UploadDropzone } from "@/components/usage-files/upload-dropzone";
import { UsageFileSummary } from "@/components/usage-files/usage-file-summary";
import { allowedActions } from "@/lib/domain/usage-file-status";
import { requireRole } from "@/lib/server/actor";
import { listProductItems } from "@/lib/server/queries/catalog";
import { getUsageFile } from "@/lib/server/queries/usage-files";
import { uploadLimits } from "@/lib/server/usage-files/upload-limits";

export default async function VendorUsageFilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("vendor");
  const file = await getUsageFile(actor, (await params).id);
  if (!file) notFound();
  const items = await listProductItems(file.productId);
  const api = `/api/v1/usage/files/${encodeURIComponent(file.id)}`;
  const inProgress = file.status === "uploading" || file.status === "processing";

  return (
    <div className="space-y-6">
      <UsageFileSummary file={file} />
      {inProgress && (
        <Card title="Processing">
          <ProcessingProgress usageFileId={file.id} initial={file} />
        </Card>
      )}
      {file.status === "invalid" && file.errorDetail && (
        <ErrorDetailPanel detail={file.errorDetail} processedHref={`${api}/processed-file`} />
      )}
      {allowedActions(file.status).includes("upload") && (
        <Card title={file.uploadedFileId ? "Upload a corrected spreadsheet" : "Upload usage"}>
          <p className="mb-3 text-sm text-slate-600">
            Fill the <a className="text-brand-700 underline" href={`${api}/template`}>usage template</a> for this
            file and upload it; it is checked against the catalog in the background.
          </p>
          <UploadDropzone usageFileId={file.id} maxBytes={uploadLimits().maxBytes} />
        </Card>
      )}
      {file.stats && (
        <Card title="Totals by item">
          <ItemTotals stats={file.stats} itemNames={Object.fromEntries(items.map((i) => [i.id, i.name]))} />
          {file.uploadedFileId && (
            <a className="mt-3 inline-block text-sm text-brand-700 underline" href={`${api}/uploaded-file`}>
              Download the uploaded spreadsheet
            </a>
          )}
        </Card>
      )}
    </div>
  );
}
