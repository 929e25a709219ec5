import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

/** The actor's own API keys, newest first: never their hashes. */
export async function listOwnApiKeys(actor: Actor) {
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.userId, actor.userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
export type OwnApiKey = Awaited<ReturnType<typeof listOwnApiKeys>>[number];
