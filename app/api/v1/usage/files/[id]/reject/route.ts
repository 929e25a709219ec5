import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";

/** POST `{ "rejection_note": string, "disputed_records"?: [{ "id": "UR-…", "reason": string }] }`: the note is required. */
export const POST = apiRoute(usageFileEndpoints.reject, async ({ actor, params, body }) =>
  viewOf(actor, await rejectUsageFile(actor, params.id!, body), views.usageFile),
);
