import "server-only";
import { asc, count, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { accounts, contracts, users, type Account, type Contract } from "@/db/schema";
import { isAdmin, type Actor } from "@/lib/domain/permissions";

export type AdminAccountRow = Account & { users: number };

/** Every account with its number of users, for an admin; nothing for anyone else. */
export async function listAccounts(actor: Actor): Promise<AdminAccountRow[]> {
  if (!isAdmin(actor)) return [];
  return accountsWithUsers();
}

/** One account with its number of users, for an admin. */
export async function getAccount(actor: Actor, accountId: string): Promise<AdminAccountRow | null> {
  if (!isAdmin(actor)) return null;
  const [account] = await accountsWithUsers(eq(accounts.id, accountId));
  return account ?? null;
}

async function accountsWithUsers(where?: SQL): Promise<AdminAccountRow[]> {
  const db = await getDb();
  const rows = await db
    .select({ account: accounts, users: count(users.id) })
    .from(accounts)
    .leftJoin(users, eq(users.accountId, accounts.id))
    .where(where)
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
  return contractsWithNames();
}

/** One contract with its parties' names, for an admin. */
export async function getContract(actor: Actor, contractId: string): Promise<AdminContractRow | null> {
  if (!isAdmin(actor)) return null;
  const [contract] = await contractsWithNames(eq(contracts.id, contractId));
  return contract ?? null;
}

async function contractsWithNames(where?: SQL): Promise<AdminContractRow[]> {
  const db = await getDb();
  const rows = await db
    .select({ contract: contracts, vendorName: vendorAccount.name, distributorName: distributorAccount.name })
    .from(contracts)
    .innerJoin(vendorAccount, eq(vendorAccount.id, contracts.vendorAccountId))
    .innerJoin(distributorAccount, eq(distributorAccount.id, contracts.distributorAccountId))
    .where(where)
    .orderBy(desc(contracts.active), asc(vendorAccount.name), asc(contracts.id));
  return rows.map(({ contract, ...names }) => ({ ...contract, ...names }));
}
