"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormStatus, Select, TextArea, TextInput } from "@/components/ui/form";
import type { FormAction, FormState } from "@/lib/server/form-action";

interface ProductOption {
  id: string;
  name: string;
  currency: string;
  usageSchema: string;
}

interface ContractOption {
  id: string;
  marketplace: string;
  distributorName: string;
}

const steps = ["Product", "Contract", "Details", "Template & upload"] as const;

function monthName(firstDay: string): string {
  return new Date(`${firstDay}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * Product → contract → period and details; creating the Draft leads to its page, where the
 * template is downloaded and the spreadsheet uploaded (the last step). All fields stay in one form,
 * so going back keeps what was entered, and the server validates everything again.
 */
export function NewUsageFileWizard({
  action,
  products,
  contracts,
  defaultPeriod,
}: {
  action: FormAction;
  products: ProductOption[];
  contracts: ContractOption[];
  defaultPeriod: { firstDay: string; lastDay: string };
}) {
  const [state, submit, pending] = useActionState<FormState, FormData>(action, {});
  const [step, setStep] = useState(0);
  const [productId, setProductId] = useState("");
  const [contractId, setContractId] = useState("");
  const product = products.find((p) => p.id === productId);
  const errors = state.fields ?? {};

  if (products.length === 0 || contracts.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          Your account has no {products.length === 0 ? "products" : "active contracts"} yet. An administrator sets them
          up; ask yours to add them.
        </p>
      </Card>
    );
  }

  return (
    <Card className="max-w-3xl">
      <ol className="mb-6 flex flex-wrap gap-2 text-sm" aria-label="Steps">
        {steps.map((label, index) => (
          <li
            key={label}
            aria-current={index === step ? "step" : undefined}
            className={`rounded-full px-3 py-1 ${index === step ? "bg-brand-600 text-white" : index < step ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"}`}
          >
            {index + 1}. {label}
          </li>
        ))}
      </ol>
      <form action={submit} className="space-y-5">
        <section hidden={step !== 0} className="space-y-4">
          <Field label="Product" error={errors.productId} hint="The product whose usage this file reports.">
            <Select name="productId" value={productId} onChange={(event) => setProductId(event.target.value)} required>
              <option value="">Choose a product…</option>
              {products.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} ({option.usageSchema}, {option.currency})
                </option>
              ))}
            </Select>
          </Field>
          <StepButtons onNext={() => setStep(1)} nextDisabled={!productId} />
        </section>

        <section hidden={step !== 1} className="space-y-4">
          <Field
            label="Contract"
            error={errors.contractId}
            hint="The distributor or reseller who reviews and bills this usage."
          >
            <Select
              name="contractId"
              value={contractId}
              onChange={(event) => setContractId(event.target.value)}
              required
            >
              <option value="">Choose a contract…</option>
              {contracts.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.id} · {option.distributorName} ({option.marketplace})
                </option>
              ))}
            </Select>
          </Field>
          <StepButtons onBack={() => setStep(0)} onNext={() => setStep(2)} nextDisabled={!contractId} />
        </section>

        <section hidden={step !== 2} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="First day (UTC)" error={errors.firstDay}>
              <TextInput type="date" name="firstDay" defaultValue={defaultPeriod.firstDay} required />
            </Field>
            <Field label="Last day (UTC)" error={errors.lastDay}>
              <TextInput type="date" name="lastDay" defaultValue={defaultPeriod.lastDay} required />
            </Field>
          </div>
          <Field label="Name" error={errors.name}>
            <TextInput
              name="name"
              key={productId}
              defaultValue={product ? `${product.name} usage ${monthName(defaultPeriod.firstDay)}` : ""}
              required
            />
          </Field>
          <Field
            label="Currency"
            error={errors.currency}
            hint="The product's currency, unless the contract bills in another."
          >
            <TextInput
              name="currency"
              key={`currency-${productId}`}
              defaultValue={product?.currency ?? ""}
              maxLength={3}
              required
              className="w-32 uppercase"
            />
          </Field>
          <Field
            label="External id"
            error={errors.externalId}
            hint="Optional: your own reference for this file, such as your billing run's id."
          >
            <TextInput name="externalId" maxLength={200} className="font-mono" />
          </Field>
          <Field label="Description" error={errors.description}>
            <TextArea name="description" placeholder="Optional: what this file covers" />
          </Field>
          <FormStatus state={state} />
          <div className="flex justify-between">
            <Button type="button" variant="secondary" onClick={() => setStep(1)}>
              Back
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Creating…" : "Create usage file"}
            </Button>
          </div>
        </section>
      </form>
    </Card>
  );
}

function StepButtons({
  onBack,
  onNext,
  nextDisabled,
}: {
  onBack?: () => void;
  onNext: () => void;
  nextDisabled: boolean;
}) {
  return (
    <div className="flex justify-between">
      {onBack ? (
        <Button type="button" variant="secondary" onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      <Button type="button" onClick={onNext} disabled={nextDisabled}>
        Next
      </Button>
    </div>
  );
}
