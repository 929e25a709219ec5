import { apiUploadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { closingAnswer } from "@/lib/server/api/usage-record-reply";
import { reconcileUsageFile } from "@/lib/server/usage-records/reconcile-usage-file";

/** POST multipart `recon_file`: the billing export with billing ids filled; closes the matching records. */
export const POST = apiUploadRoute(usageFileEndpoints.reconciliation, async ({ actor, params }, upload) =>
  closingAnswer(await reconcileUsageFile(actor, params.id!, upload)),
);
