import "server-only";
import type { Database } from "@/db/client";
import { subscriptions, type Subscription } from "@/db/schema";
import type { CreateSubscriptionInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { adminTransaction } from "./admin-transaction";
import { SubscriptionReferences } from "./subscription-references";

export async function createSubscription(actor: Actor, input: CreateSubscriptionInput): Promise<Result<Subscription>> {
  return adminTransaction(actor, async (tx) => {
    const references = await SubscriptionReferences.load(tx, [input]);
    const problems = references.check(input);
    if (Object.keys(problems).length > 0) return fail("validation_failed", "Check the highlighted fields.", problems);
    const [subscription] = await insertSubscriptions(tx, actor, [input]);
    return ok(subscription!);
  });
}

/** Inserts checked subscriptions, each with its audit event. */
export async function insertSubscriptions(
  tx: Database,
  actor: Actor,
  inputs: readonly CreateSubscriptionInput[],
): Promise<Subscription[]> {
  if (inputs.length === 0) return [];
  const rows = await tx
    .insert(subscriptions)
    .values(inputs.map((input) => ({ id: newAdminObjectId("subscription"), ...input })))
    .returning();
  for (const row of rows) {
    await recordEvent(tx, {
      objectType: "subscription",
      objectId: row.id,
      action: "create",
      actor,
      details: { productId: row.productId, contractId: row.contractId, externalId: row.externalId },
    });
  }
  return rows;
}
