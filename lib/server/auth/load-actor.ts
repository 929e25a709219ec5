import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts, apiKeys, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { isLiveApiKey, noteApiKeyUse } from "./api-keys";

export interface SignedInActor extends Actor {
  name: string;
  email: string;
  accountName: string;
  /** Set by an admin's create or reset: nothing but changing the password is allowed until then. */
  mustChangePassword: boolean;
}

const actorColumns = {
  userId: users.id,
  accountId: users.accountId,
  role: users.role,
  name: users.name,
  email: users.email,
  accountName: accounts.name,
  mustChangePassword: users.mustChangePassword,
};

export async function loadActiveActor(userId: string, sessionVersion: number): Promise<SignedInActor | null> {
  const db = await getDb();
  const [actor] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(activeUser(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion))!));
  return actor ?? null;
}

/**
 * An API key's owner, in one query with the key: keys are revoked one by one, not by the session
 * version. Notes the key's use.
 */
export async function loadApiKeyActor(key: string): Promise<SignedInActor | null> {
  const db = await getDb();
  const [found] = await db
    .select({ ...actorColumns, keyId: apiKeys.id, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(activeUser(isLiveApiKey(key)));
  if (!found) return null;
  const { keyId, lastUsedAt, ...actor } = found;
  await noteApiKeyUse({ id: keyId, lastUsedAt });
  return actor;
}

function activeUser(where: SQL): SQL {
  return and(where, eq(users.active, true))!;
}
