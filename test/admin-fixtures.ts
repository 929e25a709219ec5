import type { Database } from "@/db/client";
import { demoUsers } from "@/db/seed";
import { accounts, apiKeys, contracts, events, items, products, subscriptions, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

function actorOf(email: string): Actor {
  const user = demoUsers.find((u) => u.email === email)!;
  return { userId: user.id, accountId: user.accountId, role: user.role };
}

/** Seeded actors (db/seed.ts). */
export const admin = actorOf("admin@portal.test");
export const acmeVendor = actorOf("vendor@acme.test");
export const northwindDistributor = actorOf("distributor@northwind.test");

/** Every row an administrative change could touch, to show that a refused one touched nothing. */
export async function adminTables(db: Database) {
  const [accountRows, userRows, contractRows, productRows, itemRows, subscriptionRows, eventRows, keyRows] =
    await Promise.all([
      db.select().from(accounts).orderBy(accounts.id),
      db.select().from(users).orderBy(users.id),
      db.select().from(contracts).orderBy(contracts.id),
      db.select().from(products).orderBy(products.id),
      db.select().from(items).orderBy(items.id),
      db.select().from(subscriptions).orderBy(subscriptions.id),
      db.select().from(events).orderBy(events.id),
      db.select().from(apiKeys).orderBy(apiKeys.id),
    ]);
  return { accountRows, userRows, contractRows, productRows, itemRows, subscriptionRows, eventRows, keyRows };
}
