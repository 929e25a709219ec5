import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";

/** POST `{ "note": string }`: the rejection note is required. */
export const POST = fileActionRoute(usageFileEndpoints.reject.body, rejectUsageFile);
