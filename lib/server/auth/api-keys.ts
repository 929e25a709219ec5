import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/domain/errors";

const keyPrefix = "urp_";

/** Keys are random enough that a fast hash is safe to store; bcrypt would slow every API call. */
function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new API key for a user: the plaintext is returned once, only its hash is kept. */
export async function createApiKey(userId: string, name: string): Promise<{ id: string; key: string }> {
  const key = `${keyPrefix}${randomBytes(32).toString("base64url")}`;
  const id = `KEY-${randomBytes(6).toString("hex")}`;
  const db = await getDb();
  await db.insert(apiKeys).values({ id, userId, name, keyHash: hashKey(key) });
  return { id, key };
}

/** A new key for the active user with this email, for operators (`npm run admin -- create-api-key`). */
export async function createApiKeyForEmail(email: string, name: string): Promise<Result<{ id: string; key: string }>> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.active, true)));
  return user ? ok(await createApiKey(user.id, name)) : fail("not_found", `No active user has the email ${email}.`);
}

/** The condition on api_keys of the key with this plaintext, while it is not revoked. */
export function isLiveApiKey(key: string): SQL {
  return and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt))!;
}

/** A key's last use is noted to the minute: a busy integration costs one write a minute, not one per request. */
const lastUseResolutionMs = 60_000;

/** Notes that the key was used now, unless its last use already says so to the minute. */
export async function noteApiKeyUse(key: { id: string; lastUsedAt: Date | null }): Promise<void> {
  const now = new Date();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < lastUseResolutionMs) return;
  const db = await getDb();
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
}
