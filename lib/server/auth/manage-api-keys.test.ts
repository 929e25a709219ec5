import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { listOwnApiKeys } from "@/lib/server/queries/api-keys";
import { acmeVendor, admin, northwindDistributor } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { loadApiKeyActor } from "./load-actor";
import { createOwnApiKey, revokeApiKey } from "./manage-api-keys";

const database = withTestDatabase();

beforeEach(async () => {
  await seedDemoData(database.handle.db);
});

describe("a user's API keys", () => {
  it("are created for their user, listed without their secret, and note when they were last used", async () => {
    const created = await createOwnApiKey(acmeVendor, { name: "billing sync" });
    if (!created.ok) throw new Error(created.message);
    expect(created.value.key).toMatch(/^urp_/);
    expect(await listOwnApiKeys(acmeVendor)).toEqual([
      { id: created.value.id, name: "billing sync", createdAt: expect.any(Date), lastUsedAt: null, revokedAt: null },
    ]);
    expect((await loadApiKeyActor(created.value.key))?.userId).toBe(acmeVendor.userId);
    expect((await listOwnApiKeys(acmeVendor))[0]!.lastUsedAt).toBeInstanceOf(Date);
    expect(await listOwnApiKeys(northwindDistributor)).toEqual([]);
  });

  it("note their last use to the minute, with one write a minute however often they are used", async () => {
    const created = await createOwnApiKey(acmeVendor, { name: "busy sync" });
    if (!created.ok) throw new Error(created.message);
    const lastUse = async () => (await listOwnApiKeys(acmeVendor))[0]!.lastUsedAt!;
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await database.handle.db.update(apiKeys).set({ lastUsedAt: twoMinutesAgo }).where(eq(apiKeys.id, created.value.id));
    await loadApiKeyActor(created.value.key);
    const noted = await lastUse();
    expect(Date.now() - noted.getTime()).toBeLessThan(60_000);
    await loadApiKeyActor(created.value.key);
    expect(await lastUse()).toEqual(noted);
  });

  it("are revoked by their owner or an admin, not by another user, and only once", async () => {
    const own = await createOwnApiKey(acmeVendor, { name: "one" });
    const other = await createOwnApiKey(acmeVendor, { name: "two" });
    if (!own.ok || !other.ok) throw new Error("not created");

    expect(await revokeApiKey(northwindDistributor, { keyId: own.value.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await revokeApiKey(acmeVendor, { keyId: own.value.id })).toEqual({ ok: true, value: { id: own.value.id } });
    expect(await revokeApiKey(acmeVendor, { keyId: own.value.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeApiKey(admin, { keyId: other.value.id })).toMatchObject({ ok: true });

    expect(await loadApiKeyActor(own.value.key)).toBeNull();
    expect(await loadApiKeyActor(other.value.key)).toBeNull();
  });
});
