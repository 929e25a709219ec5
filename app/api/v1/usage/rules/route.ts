import { ok } from "@/lib/domain/errors";
import { apiListRoute, apiRoute } from "@/lib/server/api/api-route";
import { usageRuleEndpoints } from "@/lib/server/api/endpoints";
import { createUsageRule, listUsageRules } from "@/lib/server/usage-rules/manage-usage-rules";

export const GET = apiListRoute(usageRuleEndpoints.list, async ({ actor, query }) => {
  const all = await listUsageRules(actor);
  return ok({ rows: all.slice(query.offset, query.offset + query.limit), total: all.length, offset: query.offset });
});

export const POST = apiRoute(usageRuleEndpoints.create, ({ actor, body }) => createUsageRule(actor, body));
