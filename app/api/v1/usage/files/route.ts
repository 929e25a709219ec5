import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { usageFileEndpoints } from "@/lib/server/api/endpoints";
import { viewOf, views } from "@/lib/server/api/views";
import { listUsageFileWindow } from "@/lib/server/queries/usage-files";
import { isAmendment } from "@/lib/domain/usage-amendments";
import { amendUsageFile } from "@/lib/server/usage-files/amend-usage-file";
import { createUsageFile } from "@/lib/server/usage-files/create-usage-file";

export const GET = apiListRoute(
  usageFileEndpoints.list,
  async ({ actor, query: { limit, offset, order_by, ...filters } }) => {
    const { rows, total } = await listUsageFileWindow(actor, { ...filters, sort: order_by }, { limit, offset });
    return ok({ rows, total, offset });
  },
);

export const POST = apiRoute(usageFileEndpoints.create, async ({ actor, body }) =>
  viewOf(
    actor,
    await (isAmendment(body) ? amendUsageFile(actor, body) : createUsageFile(actor, body)),
    views.usageFile,
  ),
);
