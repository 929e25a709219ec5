import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { asSeenBy } from "@/lib/server/api/usage-file-reply";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";

/** POST `{ "acceptance_note"?: string }`: the default acceptance note when none is given. */
export const POST = apiRoute(usageFileEndpoints.accept, async ({ actor, params, body }) =>
  asSeenBy(actor, await acceptUsageFile(actor, params.id!, body)),
);
