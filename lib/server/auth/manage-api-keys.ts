import "server-only";
import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { createApiKeyInput, revokeApiKeyInput } from "@/lib/domain/api-key-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { recordEvent } from "@/lib/server/events";
import { createApiKey } from "./api-keys";

/** A user creates a key for themselves; its plaintext is in the answer, and nowhere else ever again. */
export async function createOwnApiKey(
  actor: Actor,
  { name }: z.output<typeof createApiKeyInput>,
): Promise<Result<{ id: string; key: string }>> {
  const created = await createApiKey(actor.userId, name);
  await recordEvent(await getDb(), {
    objectType: "api_key",
    objectId: created.id,
    action: "create",
    actor,
    details: { name },
  });
  return ok(created);
}

/** Users revoke their own keys; admins any key. Another's key is "not found" to a non-admin. */
export async function revokeApiKey(
  actor: Actor,
  { keyId }: z.output<typeof revokeApiKeyInput>,
): Promise<Result<{ id: string }>> {
  const mine: SQL | undefined = actor.role === "admin" ? undefined : eq(apiKeys.userId, actor.userId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt), mine))
      .returning({ id: apiKeys.id, userId: apiKeys.userId });
    if (!revoked) return fail("not_found", "No such live API key.");
    await recordEvent(tx, {
      objectType: "api_key",
      objectId: keyId,
      action: "revoke",
      actor,
      details: { userId: revoked.userId },
    });
    return ok({ id: revoked.id });
  });
}
