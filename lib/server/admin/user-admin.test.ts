import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPassword, seedDemoData } from "@/db/seed";
import { apiKeys, events, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/server/auth/api-keys";
import { loadActiveActor, loadApiKeyActor } from "@/lib/server/auth/load-actor";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { acmeVendor, admin } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { createUser } from "./create-user";
import { resetUserPassword } from "./reset-user-password";
import { deactivateUser, reactivateUser } from "./set-user-active";
import { updateUser } from "./update-user";

const database = withTestDatabase();

async function userRow(id: string) {
  const [user] = await database.handle.db.select().from(users).where(eq(users.id, id));
  return user!;
}

describe("deactivating a user", () => {
  it("refuses the user's existing session and API key at their next request", async () => {
    await seedDemoData(database.handle.db);
    const vendor = await userRow(acmeVendor.userId);
    const { key } = await createApiKey(vendor.id, "billing export");
    expect(await loadActiveActor(vendor.id, vendor.sessionVersion)).toMatchObject({ userId: vendor.id });
    expect(await loadApiKeyActor(key)).toMatchObject({ userId: vendor.id });

    expect(await deactivateUser(admin, vendor.id)).toMatchObject({ ok: true, value: { active: false } });
    expect(await loadActiveActor(vendor.id, vendor.sessionVersion)).toBeNull();
    expect(await loadApiKeyActor(key)).toBeNull();
    expect(await verifyCredentials(vendor.email, demoPassword)).toMatchObject({ ok: false });
  });

  it("lets the key work again on reactivation, but not the old session", async () => {
    await seedDemoData(database.handle.db);
    const vendor = await userRow(acmeVendor.userId);
    const { key } = await createApiKey(vendor.id, "billing export");
    await deactivateUser(admin, vendor.id);
    await reactivateUser(admin, vendor.id);
    expect((await loadApiKeyActor(key))?.userId).toBe(vendor.id);
    expect(await loadActiveActor(vendor.id, vendor.sessionVersion)).toBeNull();
  });

  it("refuses a revoked key and an unknown one, and notes when a key was used", async () => {
    await seedDemoData(database.handle.db);
    const db = database.handle.db;
    const { id, key } = await createApiKey(acmeVendor.userId, "ci");
    expect((await loadApiKeyActor(key))?.userId).toBe(acmeVendor.userId);
    const [used] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id));
    expect(await loadApiKeyActor(key)).toBeNull();
    expect(await loadApiKeyActor(`${key}x`)).toBeNull();
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated, and stays as it was", async () => {
    await seedDemoData(database.handle.db);
    expect(await updateUser(admin, { userId: admin.userId, accountId: "ACC-0002", role: "vendor" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await deactivateUser(admin, admin.userId)).toMatchObject({ ok: false, code: "conflict" });
    expect(await userRow(admin.userId)).toMatchObject({ role: "admin", active: true, accountId: "ACC-0001" });
  });

  it("can be once another admin is active", async () => {
    await seedDemoData(database.handle.db);
    const second = await createUser(admin, {
      email: "second@portal.test",
      name: "Second",
      accountId: "ACC-0001",
      role: "admin",
    });
    if (!second.ok) throw new Error(second.message);
    expect(await updateUser(admin, { userId: admin.userId, accountId: "ACC-0002", role: "vendor" })).toMatchObject({
      ok: true,
    });
    expect(await deactivateUser(admin, second.value.user.id)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("changing a user", () => {
  it("keeps each role to its kind of account", async () => {
    await seedDemoData(database.handle.db);
    expect(await updateUser(admin, { userId: acmeVendor.userId, accountId: "ACC-0004", role: "vendor" })).toMatchObject(
      {
        ok: false,
        fields: { role: "Users of a distributor account have the distributor role." },
      },
    );
    expect(
      await updateUser(admin, { userId: acmeVendor.userId, accountId: "ACC-0005", role: "distributor" }),
    ).toMatchObject({
      ok: true,
      value: { accountId: "ACC-0005", role: "distributor" },
    });
  });

  it("refuses a second user with the same email", async () => {
    await seedDemoData(database.handle.db);
    expect(
      await createUser(admin, { email: "vendor@acme.test", name: "Again", accountId: "ACC-0002", role: "vendor" }),
    ).toMatchObject({
      ok: false,
      fields: { email: "A user with this email exists." },
    });
  });
});

describe("temporary passwords", () => {
  it("are shown once, must be changed, and changing clears the flag and ends other sessions", async () => {
    await seedDemoData(database.handle.db);
    const created = await createUser(admin, {
      email: "new@acme.test",
      name: "New Vendor",
      accountId: "ACC-0002",
      role: "vendor",
    });
    if (!created.ok) throw new Error(created.message);
    const { user, temporaryPassword } = created.value;
    expect(user).toMatchObject({ mustChangePassword: true, active: true });
    expect(await verifyPassword(temporaryPassword, user.passwordHash)).toBe(true);
    const actor = await loadActiveActor(user.id, user.sessionVersion);
    expect(actor).toMatchObject({ mustChangePassword: true });

    const wrong = await changeOwnPassword(actor!, {
      currentPassword: "nope",
      newPassword: "a-new-password-1",
      confirmPassword: "a-new-password-1",
    });
    expect(wrong).toMatchObject({ ok: false, fields: { currentPassword: expect.any(String) } });
    const changed = await changeOwnPassword(actor!, {
      currentPassword: temporaryPassword,
      newPassword: "a-new-password-1",
      confirmPassword: "a-new-password-1",
    });
    expect(changed).toEqual({ ok: true, value: { email: "new@acme.test" } });
    const after = await userRow(user.id);
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: user.sessionVersion + 1 });
    expect(await loadActiveActor(user.id, after.sessionVersion)).toMatchObject({ mustChangePassword: false });
  });

  it("a reset sets a new one, ends the user's sessions and asks for a change again", async () => {
    await seedDemoData(database.handle.db);
    const before = await userRow(acmeVendor.userId);
    const reset = await resetUserPassword(admin, acmeVendor.userId);
    if (!reset.ok) throw new Error(reset.message);
    const after = await userRow(acmeVendor.userId);
    expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: before.sessionVersion + 1 });
    expect(await verifyPassword(reset.value.temporaryPassword, after.passwordHash)).toBe(true);
    expect(await loadActiveActor(acmeVendor.userId, before.sessionVersion)).toBeNull();
  });
});

describe("the audit trail of users", () => {
  it("records failed sign-ins, on the user when the email is known", async () => {
    await seedDemoData(database.handle.db);
    await verifyCredentials("vendor@acme.test", "wrong");
    await verifyCredentials("nobody@acme.test", "wrong");
    const failures = await database.handle.db.select().from(events).where(eq(events.action, "sign_in_failed"));
    expect(failures.map((e) => [e.objectType, e.objectId])).toEqual([
      ["user", acmeVendor.userId],
      ["sign_in", "nobody@acme.test"],
    ]);
  });
});
