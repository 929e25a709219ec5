import { ActionForm } from "@/components/ui/action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SimpleTable, type SimpleColumn } from "@/components/ui/simple-table";
import { delayLabel } from "@/lib/domain/usage-rules";
import type { FormAction } from "@/lib/server/form-action";
import type { UsageRuleView } from "@/lib/server/usage-rules/manage-usage-rules";

/** The distributor's auto-accept rules, each with turn on/off and remove. */
export function UsageRulesTable({
  rules,
  setActive,
  remove,
}: {
  rules: readonly UsageRuleView[];
  setActive: FormAction;
  remove: FormAction;
}) {
  if (rules.length === 0) return <p className="text-sm text-slate-500">No rules yet: every file waits for you.</p>;
  const columns: SimpleColumn<UsageRuleView>[] = [
    { header: "Rule", cell: (rule) => <span className="font-medium">{rule.name}</span> },
    {
      header: "Contract",
      cell: (rule) => (
        <span>
          {rule.contractMarketplace} <span className="font-mono text-xs text-slate-600">{rule.contractId}</span>
        </span>
      ),
    },
    { header: "Product", cell: (rule) => rule.productName },
    { header: "Accepts clean files", cell: (rule) => delayLabel(rule.delayMinutes) + " after submission" },
    { header: "Status", cell: (rule) => (rule.active ? "On" : "Off") },
    {
      header: <span className="sr-only">Actions</span>,
      cell: (rule) => (
        <div className="flex flex-wrap items-start justify-end gap-2">
          <ActionForm action={setActive} submitLabel={rule.active ? "Turn off" : "Turn on"}>
            <input type="hidden" name="ruleId" value={rule.id} />
            <input type="hidden" name="active" value={String(!rule.active)} />
          </ActionForm>
          <ConfirmDialog
            action={remove}
            hidden={{ ruleId: rule.id }}
            trigger="Remove"
            title={`Remove the rule “${rule.name}”?`}
            description={<p>Files it would have accepted wait for you instead. Files it accepted stay accepted.</p>}
            confirmLabel="Remove"
            variant="danger"
            triggerVariant="secondary"
          />
        </div>
      ),
    },
  ];
  return <SimpleTable columns={columns} rows={rules} rowKey={(rule) => rule.id} />;
}
