import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { asSeenBy } from "@/lib/server/api/usage-file-reply";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";

/** POST `{ "rejection_note": string }`: the rejection note is required. */
export const POST = apiRoute(usageFileEndpoints.reject, async ({ actor, params, body }) =>
  asSeenBy(actor, await rejectUsageFile(actor, params.id!, body)),
);
