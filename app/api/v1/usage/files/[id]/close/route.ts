import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { closeUsageFile } from "@/lib/server/usage-files/close-usage-file";

/** POST `{ "external_billing_id"?: string, "external_billing_note"?: string }`: a billing id closes every remaining record with the file. */
export const POST = apiRoute(usageFileEndpoints.close, async ({ actor, params, body }) =>
  viewOf(actor, await closeUsageFile(actor, params.id!, body), views.usageFile),
);
