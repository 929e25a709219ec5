import { ok } from "@/lib/domain/errors";
import { apiUploadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { uploadUsageFile } from "@/lib/server/usage-files/upload-usage-file";

/** POST multipart `usage_file`: stores the spreadsheet and queues it for processing (202). */
export const POST = apiUploadRoute(usageFileEndpoints.upload, async ({ actor, params }, upload) => {
  const uploaded = await uploadUsageFile(actor, params.id!, upload);
  return uploaded.ok ? ok({ status: uploaded.value.status }) : uploaded;
});
