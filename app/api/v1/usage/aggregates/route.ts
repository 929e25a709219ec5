import { ok } from "@/lib/domain/errors";
import { apiRoute } from "@/lib/server/api/api-route";
import { usageRecordEndpoints } from "@/lib/server/api/endpoints";
import { listUsageAggregates } from "@/lib/server/queries/usage-aggregates";

/** GET `?period=YYYY-MM&group_by=vendor,item&status=accepted,closed`: the period's usage, summed from stored totals. */
export const GET = apiRoute(usageRecordEndpoints.aggregates, async ({ actor, query }) =>
  ok({ ...query, groups: await listUsageAggregates(actor, query) }),
);
