import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, contracts, products, subscriptions, usageFiles, users } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

export interface PlatformCounts {
  accounts: number;
  users: number;
  contracts: number;
  products: number;
  subscriptions: number;
  usageFiles: number;
}

/** Totals for the admin overview; null for anyone but an admin. */
export async function platformCounts(actor: Actor): Promise<PlatformCounts | null> {
  if (!isAdmin(actor)) return null;
  const db = await getDb();
  const tables = { accounts, users, contracts, products, subscriptions, usageFiles };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ total: count() }).from(table);
      return [name, row?.total ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as PlatformCounts;
}
