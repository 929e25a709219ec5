"use server";

import { revalidatePath } from "next/cache";
import { usageRuleActiveInput, usageRuleFormInput, usageRuleIdInput } from "@/lib/domain/usage-rules";
import { formAction, type FormState } from "@/lib/server/form-action";
import { createUsageRule, deleteUsageRule, updateUsageRule } from "@/lib/server/usage-rules/manage-usage-rules";

function saved(message: string): FormState {
  revalidatePath("/distributor/rules");
  return { ok: true, message };
}

export const createUsageRuleAction = formAction(usageRuleFormInput, createUsageRule, (rule) =>
  saved(`Rule “${rule.name}” added.`),
);

export const setUsageRuleActiveAction = formAction(
  usageRuleActiveInput,
  (actor, { ruleId, active }) => updateUsageRule(actor, ruleId, { active: active === "true" }),
  (rule) => saved(rule.active ? `Rule “${rule.name}” turned on.` : `Rule “${rule.name}” turned off.`),
);

export const deleteUsageRuleAction = formAction(
  usageRuleIdInput,
  (actor, { ruleId }) => deleteUsageRule(actor, ruleId),
  () => saved("Rule removed."),
);
