import { apiUploadRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { reconcileUsageFile } from "@/lib/server/usage-records/reconcile-usage-file";

/** POST multipart `recon_file`: the billing export with billing ids filled; closes the matching records. */
export const POST = apiUploadRoute(usageFileEndpoints.reconciliation, ({ actor, params }, upload) => reconcileUsageFile(actor, params.id!, upload));
