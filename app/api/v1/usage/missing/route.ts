import { ok } from "@/lib/domain/errors";
import { apiListRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { listMissingUsage } from "@/lib/server/queries/missing-usage";

/** GET `?period=YYYY-MM&product=…&contract=…`: the month's active subscriptions no counted file reports usage for. */
export const GET = apiListRoute(
  usageRecordEndpoints.missing,
  async ({ actor, query: { limit, offset, order_by, ...filters } }) =>
    ok({ ...(await listMissingUsage(actor, { ...filters, sort: order_by }, { limit, offset })), offset }),
);
