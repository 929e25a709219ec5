import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";
import { userIdOfApiKey } from "./api-keys";

export interface SignedInActor extends Actor {
  name: string;
  email: string;
  accountName: string;
  /** Set by an admin's create or reset: nothing but changing the password is allowed until then. */
  mustChangePassword: boolean;
}

export async function loadActiveActor(userId: string, sessionVersion: number): Promise<SignedInActor | null> {
  return loadActor(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, sessionVersion))!);
}

/** An API key's owner: keys are revoked one by one, not by the session version. */
export async function loadApiKeyActor(key: string): Promise<SignedInActor | null> {
  const userId = await userIdOfApiKey(key);
  return userId ? loadActor(and(eq(users.id, userId), eq(users.active, true))!) : null;
}

async function loadActor(where: SQL): Promise<SignedInActor | null> {
  const db = await getDb();
  const user = await db.query.users.findFirst({ where, with: { account: true } });
  if (!user) return null;
  return {
    userId: user.id,
    accountId: user.accountId,
    role: user.role,
    name: user.name,
    email: user.email,
    accountName: user.account.name,
    mustChangePassword: user.mustChangePassword,
  };
}
