import { ok } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { deleteUsageFile } from "@/lib/server/usage-files/delete-usage-file";

/** A deleted file is hidden from everyone, so the answer is only its id and new status. */
export const POST = apiRoute(usageFileEndpoints.delete, async ({ actor, params }) => {
  const deleted = await deleteUsageFile(actor, params.id!);
  return deleted.ok ? ok({ id: deleted.value.id, status: deleted.value.status }) : deleted;
});
