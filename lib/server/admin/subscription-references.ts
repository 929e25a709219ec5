import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, contracts, products, subscriptions, type Contract, type Product } from "@/db/schema";
import type { CreateSubscriptionInput } from "@/lib/domain/admin-input";

/** Field name → what is wrong with it. */
export type FieldProblems = Record<string, string>;

/**
 * What subscriptions refer to, loaded once for a whole import: products, contracts, tier accounts,
 * and the external ids and uids already used under each product and contract (they must match one
 * subscription each when usage records look them up).
 */
export class SubscriptionReferences {
  private constructor(
    private readonly products: Map<string, Product>,
    private readonly contracts: Map<string, Contract>,
    private readonly tierAccounts: Set<string>,
    private readonly taken: Set<string>,
  ) {}

  static async load(tx: Database, inputs: readonly CreateSubscriptionInput[]): Promise<SubscriptionReferences> {
    const productIds = unique(inputs.map((input) => input.productId));
    const contractIds = unique(inputs.map((input) => input.contractId));
    const accountIds = unique(inputs.flatMap((input) => [input.tier1AccountId, input.tier2AccountId]));
    const [productRows, contractRows, accountRows, existing] = await Promise.all([
      productIds.length ? tx.select().from(products).where(inArray(products.id, productIds)) : [],
      contractIds.length ? tx.select().from(contracts).where(inArray(contracts.id, contractIds)) : [],
      accountIds.length
        ? tx.select({ id: accounts.id, kind: accounts.kind }).from(accounts).where(inArray(accounts.id, accountIds))
        : [],
      productIds.length ? tx.select().from(subscriptions).where(inArray(subscriptions.productId, productIds)) : [],
    ]);
    return new SubscriptionReferences(
      new Map(productRows.map((row) => [row.id, row])),
      new Map(contractRows.map((row) => [row.id, row])),
      new Set(accountRows.filter((row) => row.kind === "distributor" || row.kind === "reseller").map((row) => row.id)),
      new Set(existing.flatMap(keysOf)),
    );
  }

  /** What is wrong with a subscription's references; when nothing is, its external keys become taken. */
  check(input: CreateSubscriptionInput): FieldProblems {
    const problems: FieldProblems = {};
    const product = this.products.get(input.productId);
    const contract = this.contracts.get(input.contractId);
    if (!product) problems.productId = `No product ${input.productId}.`;
    if (!contract) problems.contractId = `No contract ${input.contractId}.`;
    else if (product && contract.vendorAccountId !== product.vendorAccountId) {
      problems.contractId = `Contract ${contract.id} is not with the vendor of product ${product.id}.`;
    }
    for (const field of ["tier1AccountId", "tier2AccountId"] as const) {
      const accountId = input[field];
      if (accountId && !this.tierAccounts.has(accountId))
        problems[field] = `No distributor or reseller account ${accountId}.`;
    }
    const [externalIdKey, externalUidKey] = keysOf(input);
    if (this.taken.has(externalIdKey!))
      problems.externalId = `External id ${input.externalId} is already used under this product and contract.`;
    if (this.taken.has(externalUidKey!))
      problems.externalUid = `External uid ${input.externalUid} is already used under this product and contract.`;
    if (Object.keys(problems).length === 0) keysOf(input).forEach((key) => this.taken.add(key));
    return problems;
  }
}

function keysOf(
  subscription: Pick<CreateSubscriptionInput, "productId" | "contractId" | "externalId" | "externalUid">,
): string[] {
  const scope = `${subscription.productId}\u0000${subscription.contractId}`;
  return [`${scope}\u0000id\u0000${subscription.externalId}`, `${scope}\u0000uid\u0000${subscription.externalUid}`];
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
