import { rejectUsageFileInput } from "@/lib/domain/usage-file-review";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { rejectUsageFile } from "@/lib/server/usage-files/reject-usage-file";

/** POST `{ "note": string }`: the rejection note is required. */
export const POST = fileActionRoute(rejectUsageFileInput, rejectUsageFile);
