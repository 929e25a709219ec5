import "server-only";
import { asc, count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accounts, contracts, users, type Account, type Contract } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

/** Every account with its number of users, for an admin; nothing for anyone else. */
export async function listAccounts(actor: Actor): Promise<(Account & { users: number })[]> {
  if (!isAdmin(actor)) return [];
  const db = await getDb();
  const rows = await db
    .select({ account: accounts, users: count(users.id) })
    .from(accounts)
    .leftJoin(users, eq(users.accountId, accounts.id))
    .groupBy(accounts.id)
    .orderBy(asc(accounts.name));
  return rows.map(({ account, users: total }) => ({ ...account, users: total }));
}

const vendorAccount = alias(accounts, "vendor_account");
const distributorAccount = alias(accounts, "distributor_account");

export type AdminContractRow = Contract & { vendorName: string; distributorName: string };

/** Every contract with its parties' names, active ones first. */
export async function listContracts(actor: Actor): Promise<AdminContractRow[]> {
  if (!isAdmin(actor)) return [];
  const db = await getDb();
  const rows = await db
    .select({ contract: contracts, vendorName: vendorAccount.name, distributorName: distributorAccount.name })
    .from(contracts)
    .innerJoin(vendorAccount, eq(vendorAccount.id, contracts.vendorAccountId))
    .innerJoin(distributorAccount, eq(distributorAccount.id, contracts.distributorAccountId))
    .orderBy(desc(contracts.active), asc(vendorAccount.name), asc(contracts.id));
  return rows.map(({ contract, ...names }) => ({ ...contract, ...names }));
}
