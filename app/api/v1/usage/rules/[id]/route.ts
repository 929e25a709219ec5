import { apiRoute } from "@/lib/server/api/api-route";
import { usageRuleEndpoints } from "@/lib/server/api/endpoints";
import { deleteUsageRule, getUsageRule, updateUsageRule } from "@/lib/server/usage-rules/manage-usage-rules";

export const GET = apiRoute(usageRuleEndpoints.get, ({ actor, params }) => getUsageRule(actor, params.id!));

export const PUT = apiRoute(usageRuleEndpoints.update, ({ actor, params, body }) =>
  updateUsageRule(actor, params.id!, body),
);

export const DELETE = apiRoute(usageRuleEndpoints.delete, ({ actor, params }) => deleteUsageRule(actor, params.id!));
