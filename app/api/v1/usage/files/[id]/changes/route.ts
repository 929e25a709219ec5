import { found } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { getUsageFileChanges } from "@/lib/server/queries/usage-file-changes";

const nothing = { changed: 0, added: 0, removed: 0, disputedUnchanged: 0, disputed: 0 };

/** What changed since the file's last rejection (issue 21). */
export const GET = apiRoute(usageFileEndpoints.changes, async ({ actor, params, query }) => {
  const result = await getUsageFileChanges(actor, params.id!, query.limit);
  const changes =
    result &&
    (result.rejection ?? {
      rejectedAt: null,
      counts: nothing,
      changed: [],
      added: [],
      removed: [],
      disputedUnchanged: [],
    });
  return found(changes, "Usage file not found.");
});
