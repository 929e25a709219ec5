import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";

/** POST `{ "external_billing_id"?: string, "external_billing_note"?: string }`: a billing id closes every remaining record with the file. */
export const POST = fileActionRoute(usageFileEndpoints.close.body, closeUsageFile);
