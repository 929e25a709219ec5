import type { Metadata } from "next";
import { UsageRulesTable } from "@/components/review/usage-rules-table";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { Select, TextInput } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { maxRuleDelayMinutes } from "@/lib/domain/usage-rules";
import { requireRole } from "@/lib/server/actor";
import { listUsageRules, listUsageRuleTargets } from "@/lib/server/usage-rules/manage-usage-rules";
import { createUsageRuleAction, deleteUsageRuleAction, setUsageRuleActiveAction } from "./actions";

export const metadata: Metadata = { title: "Auto-accept rules" };

export default async function UsageRulesPage() {
  const actor = await requireRole("distributor");
  const [rules, targets] = await Promise.all([listUsageRules(actor), listUsageRuleTargets(actor)]);
  return (
    <>
      <PageHeader
        title="Auto-accept rules"
        subtitle="Let the clean cases through: a Pending file of the contract and product with no warning and no anomaly is accepted after the delay you choose. Files with either always wait for you."
      />
      <Card title="Rules">
        <UsageRulesTable rules={rules} setActive={setUsageRuleActiveAction} remove={deleteUsageRuleAction} />
      </Card>
      <Card title="Add a rule" className="mt-6 max-w-3xl">
        <ActionForm action={createUsageRuleAction} submitLabel="Add rule" className="space-y-3">
          <ActionField name="name" label="Name">
            <TextInput name="name" required maxLength={100} placeholder="Clean monthly files" />
          </ActionField>
          <ActionField name="target" label="Contract and product" hint="One rule per contract and product.">
            <Select name="target" required>
              {targets.map((target) => (
                <option
                  key={`${target.contractId}/${target.productId}`}
                  value={`${target.contractId}/${target.productId}`}
                >
                  {target.contractMarketplace} ({target.contractId}) · {target.productName}
                </option>
              ))}
            </Select>
          </ActionField>
          <ActionField
            name="delayMinutes"
            label="Delay after submission (minutes)"
            hint="Time to look before the rule accepts; 0 accepts as soon as the file is checked again."
          >
            <TextInput
              name="delayMinutes"
              type="number"
              min={0}
              max={maxRuleDelayMinutes}
              step={1}
              defaultValue={1440}
              required
            />
          </ActionField>
        </ActionForm>
      </Card>
    </>
  );
}
