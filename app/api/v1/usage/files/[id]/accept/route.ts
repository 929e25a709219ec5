import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { fileActionRoute } from "@/lib/server/api/file-action-route";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";

/** POST `{ "note"?: string }`: the default acceptance note when none is given. */
export const POST = fileActionRoute(usageFileEndpoints.accept.body, acceptUsageFile);
