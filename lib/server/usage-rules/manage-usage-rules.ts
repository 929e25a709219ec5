import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { contracts, products, usageRules, type UsageRule } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { newUsageRuleId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { canManageUsageRules, type createUsageRuleInput, type updateUsageRuleInput } from "@/lib/domain/usage-rules";
import { recordEvent } from "@/lib/server/events";

/** A rule as the API and the rules page show it, with the names of what it applies to. */
export type UsageRuleView = UsageRule & { productName: string; contractMarketplace: string };

const ruleNotFound = "Usage rule not found.";

function selectRules(db: Database, where: SQL | undefined) {
  return db
    .select({ rule: usageRules, productName: products.name, contractMarketplace: contracts.marketplace })
    .from(usageRules)
    .innerJoin(products, eq(products.id, usageRules.productId))
    .innerJoin(contracts, eq(contracts.id, usageRules.contractId))
    .where(where)
    .orderBy(asc(usageRules.contractId), asc(products.name), asc(usageRules.id));
}

const viewOf = ({ rule, ...names }: { rule: UsageRule; productName: string; contractMarketplace: string }) => ({
  ...rule,
  ...names,
});

/** The rules the actor manages: those of the contracts it reviews, or every one for an admin; none for a vendor. */
export async function listUsageRules(actor: Actor): Promise<UsageRuleView[]> {
  if (actor.role === "vendor") return [];
  const db = await getDb();
  const scope = actor.role === "admin" ? undefined : eq(usageRules.distributorAccountId, actor.accountId);
  return (await selectRules(db, scope)).map(viewOf);
}

/** A contract and product a rule may be set for. */
export interface UsageRuleTarget {
  contractId: string;
  contractMarketplace: string;
  productId: string;
  productName: string;
}

/** What the actor may set rules for: each product of each active contract it reviews (an admin: all). */
export async function listUsageRuleTargets(actor: Actor): Promise<UsageRuleTarget[]> {
  if (actor.role === "vendor") return [];
  const db = await getDb();
  return db
    .select({
      contractId: contracts.id,
      contractMarketplace: contracts.marketplace,
      productId: products.id,
      productName: products.name,
    })
    .from(contracts)
    .innerJoin(products, eq(products.vendorAccountId, contracts.vendorAccountId))
    .where(
      and(
        eq(contracts.active, true),
        actor.role === "admin" ? undefined : eq(contracts.distributorAccountId, actor.accountId),
      ),
    )
    .orderBy(asc(contracts.id), asc(products.name));
}

export async function getUsageRule(actor: Actor, id: string): Promise<Result<UsageRuleView>> {
  const db = await getDb();
  const [row] = await selectRules(db, eq(usageRules.id, id)).limit(1);
  if (!row || !canManageUsageRules(actor, row.rule)) return fail("not_found", ruleNotFound);
  return ok(viewOf(row));
}

/** A rule on a contract the actor reviews, for a product sold under it; one rule per contract and product. */
export async function createUsageRule(
  actor: Actor,
  input: z.output<typeof createUsageRuleInput>,
): Promise<Result<UsageRuleView>> {
  const db = await getDb();
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, input.contractId));
  if (!contract || !canManageUsageRules(actor, contract)) {
    return fail("validation_failed", "Contract not found.", { contractId: "Choose a contract you review." });
  }
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, input.productId), eq(products.vendorAccountId, contract.vendorAccountId)));
  if (!product) {
    return fail("validation_failed", "Product not found.", { productId: "Choose a product of the contract's vendor." });
  }
  const id = newUsageRuleId();
  const inserted = await db.transaction(async (tx) => {
    const [rule] = await tx
      .insert(usageRules)
      .values({ ...input, id, distributorAccountId: contract.distributorAccountId, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (rule) await recordRuleEvent(tx, actor, rule.id, "create", { ...input });
    return rule;
  });
  if (!inserted) {
    return fail("conflict", "This contract and product already have a rule: change that one.", {
      productId: "This contract and product already have a rule.",
    });
  }
  return getUsageRule(actor, id);
}

export async function updateUsageRule(
  actor: Actor,
  id: string,
  change: z.output<typeof updateUsageRuleInput>,
): Promise<Result<UsageRuleView>> {
  const existing = await getUsageRule(actor, id);
  if (!existing.ok) return existing;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(usageRules).set(change).where(eq(usageRules.id, id));
    await recordRuleEvent(tx, actor, id, "update", { changes: change });
  });
  return getUsageRule(actor, id);
}

export async function deleteUsageRule(actor: Actor, id: string): Promise<Result<{ id: string; deleted: true }>> {
  const existing = await getUsageRule(actor, id);
  if (!existing.ok) return existing;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(usageRules).where(eq(usageRules.id, id));
    await recordRuleEvent(tx, actor, id, "delete", { name: existing.value.name });
  });
  return ok({ id, deleted: true });
}

function recordRuleEvent(
  tx: Database,
  actor: Actor,
  ruleId: string,
  action: "create" | "update" | "delete",
  details: Record<string, unknown>,
) {
  return recordEvent(tx, { objectType: "usage_rule", objectId: ruleId, action, actor, details });
}
