import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { acceptUsageFile } from "@/lib/server/usage-files/accept-usage-file";

/** POST `{ "acceptance_note"?: string }`: the default acceptance note when none is given. */
export const POST = apiRoute(usageFileEndpoints.accept, async ({ actor, params, body }) =>
  viewOf(actor, await acceptUsageFile(actor, params.id!, body), views.usageFile),
);
