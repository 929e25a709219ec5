import "server-only";
import { found, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { getAccount, getContract } from "@/lib/server/queries/admin-accounts";
import { getProductWithItems } from "@/lib/server/queries/admin-catalog";
import { adminObject } from "@/lib/server/queries/admin-lists";
import { getUser } from "@/lib/server/queries/admin-users";
import { getSubscription } from "@/lib/server/queries/subscriptions";
import { getUsageFile } from "@/lib/server/queries/usage-files";

type View<T> = (actor: Actor, id: string) => Promise<Result<T>>;

/**
 * Each object as the API shows it: its GET answer, and the answer of every change to it, so a
 * caller sees one shape per object, never the row a use case returns (a usage file's carries the
 * vendor's internal note; a user's is without its password hash, by its query's columns).
 */
export const views = {
  usageFile: async (actor, id) => found(await getUsageFile(actor, id), "Usage file not found."),
  account: (actor, id) => adminObject(actor, () => getAccount(actor, id), "Account not found."),
  user: (actor, id) => adminObject(actor, () => getUser(actor, id), "User not found."),
  contract: (actor, id) => adminObject(actor, () => getContract(actor, id), "Contract not found."),
  product: (actor, id) =>
    adminObject(
      actor,
      async () => {
        const found = await getProductWithItems(actor, id);
        return found && { ...found.product, items: found.items };
      },
      "Product not found.",
    ),
  subscription: async (actor, id) => found(await getSubscription(actor, id), "Subscription not found."),
} satisfies Record<string, View<unknown>>;

/** A use case's changed object, as its GET shows it. */
export async function viewOf<T>(actor: Actor, result: Result<{ id: string }>, view: View<T>): Promise<Result<T>> {
  return result.ok ? view(actor, result.value.id) : result;
}
