import { z } from "zod";
import type { Actor } from "./permissions";
import { anomalyKinds, type AnomalyCounts } from "./usage-anomalies";
import { usageWarningCodes, type WarningCounts } from "./usage-warnings";

/**
 * Usage rules (the reference system's): a distributor lets the clean cases through. A Pending file
 * of the rule's contract and product, with no warning and no anomaly, is accepted by the rule once
 * it has waited the rule's delay since its submission.
 */

/** The longest delay a rule may set: a month. */
export const maxRuleDelayMinutes = 31 * 24 * 60;

const ruleName = z.string().trim().min(1, "Name the rule.").max(100, "Keep the name under 100 characters.");
const delayMinutes = z.coerce
  .number({ error: "Enter the delay in minutes." })
  .int("Enter the delay in whole minutes.")
  .min(0, "The delay cannot be negative.")
  .max(maxRuleDelayMinutes, "The delay can be a month at most.");

export const createUsageRuleInput = z.object({
  name: ruleName,
  contractId: z.string().trim().min(1, "Choose the contract.").max(200),
  productId: z.string().trim().min(1, "Choose the product.").max(200),
  delayMinutes,
  active: z.boolean().default(true),
});

/** The rules page's form: the contract and product are one choice, `<contract id>/<product id>`. */
export const usageRuleFormInput = z.preprocess((form) => {
  const fields = form as Record<string, unknown>;
  const [contractId, productId] = typeof fields.target === "string" ? fields.target.split("/") : [];
  return { name: fields.name, contractId, productId, delayMinutes: fields.delayMinutes };
}, createUsageRuleInput);

export const usageRuleIdInput = z.object({ ruleId: z.string().min(1) });
export const usageRuleActiveInput = usageRuleIdInput.extend({ active: z.enum(["true", "false"]) });

export const updateUsageRuleInput = z
  .object({ name: ruleName, delayMinutes, active: z.boolean() })
  .partial()
  .refine((change) => Object.keys(change).length > 0, "Change the name, the delay or whether the rule is active.");

/** "90 minutes", "2 hours", "1 day 6 hours": a rule's delay as the rules page says it. */
export function delayLabel(minutes: number): string {
  if (minutes === 0) return "at once";
  const parts: [number, string][] = [
    [Math.floor(minutes / 1440), "day"],
    [Math.floor((minutes % 1440) / 60), "hour"],
    [minutes % 60, "minute"],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count} ${unit}${count === 1 ? "" : "s"}`)
    .join(" ");
}

/** Who may set the rules of a contract: its distributor (or reseller), and admins. */
export function canManageUsageRules(actor: Actor, contract: { distributorAccountId: string }): boolean {
  return actor.role === "admin" || (actor.role === "distributor" && actor.accountId === contract.distributorAccountId);
}

/** A file a rule may accept: checked, with no warning and no anomaly. */
export function isCleanFile(file: { warningCounts: WarningCounts | null; anomalyCounts: AnomalyCounts | null }) {
  const { warningCounts, anomalyCounts } = file;
  if (!warningCounts || !anomalyCounts) return false;
  return (
    usageWarningCodes.every((code) => warningCounts[code] === 0) &&
    anomalyKinds.every((kind) => anomalyCounts[kind] === 0)
  );
}

/** The acceptance note a rule writes, which the vendor sees like a person's. */
export function ruleAcceptanceNote(ruleName: string): string {
  return `Accepted by the rule “${ruleName}”: no warnings and no anomalies.`;
}
