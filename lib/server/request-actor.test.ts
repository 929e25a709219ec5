import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "@/db/seed";
import { apiKeys } from "@/db/schema";
import { resetUserPassword } from "@/lib/server/admin/reset-user-password";
import { deactivateUser } from "@/lib/server/admin/set-user-active";
import { createApiKey } from "@/lib/server/auth/api-keys";
import { changeOwnPassword } from "@/lib/server/users/change-own-password";
import { acmeVendor, admin } from "@/test/admin-fixtures";
import { withTestDatabase } from "@/test/db";
import { getRequestActor } from "./actor";

// The request's headers and session come from Next.js and Auth.js; the database behind them is real.
const request = vi.hoisted(() => ({
  headers: new Headers(),
  session: null as { user: { id: string; sessionVersion: number } } | null,
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/lib/server/auth", () => ({ auth: async () => request.session }));

const database = withTestDatabase();

function sendKey(key: string): void {
  request.headers = new Headers({ authorization: `ApiKey ${key}` });
}

describe("an API request's actor", () => {
  beforeEach(() => {
    request.headers = new Headers();
    request.session = null;
  });

  it("is refused at the next request of an existing session once the user is deactivated", async () => {
    await seedDemoData(database.handle.db);
    request.session = { user: { id: acmeVendor.userId, sessionVersion: 0 } };
    expect(await getRequestActor()).toMatchObject({ ok: true, value: { userId: acmeVendor.userId } });
    await deactivateUser(admin, acmeVendor.userId);
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("is the key's user while the key is live and the user active", async () => {
    await seedDemoData(database.handle.db);
    const { key } = await createApiKey(acmeVendor.userId, "ci");
    sendKey(key);
    expect(await getRequestActor()).toMatchObject({ ok: true, value: { userId: acmeVendor.userId, role: "vendor" } });
  });

  it("is refused at the next request once the user is deactivated", async () => {
    await seedDemoData(database.handle.db);
    const { key } = await createApiKey(acmeVendor.userId, "ci");
    await deactivateUser(admin, acmeVendor.userId);
    sendKey(key);
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("is refused for a revoked key, a malformed header, and no credentials at all", async () => {
    await seedDemoData(database.handle.db);
    const { id, key } = await createApiKey(acmeVendor.userId, "ci");
    await database.handle.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id));
    sendKey(key);
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "unauthenticated" });
    request.headers = new Headers({ authorization: `Bearer ${key}` });
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "unauthenticated" });
    request.headers = new Headers();
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("is refused with 403 while the key's user must change a temporary password, and works once it is changed", async () => {
    await seedDemoData(database.handle.db);
    const { key } = await createApiKey(acmeVendor.userId, "ci");
    const reset = await resetUserPassword(admin, acmeVendor.userId);
    if (!reset.ok) throw new Error(reset.message);
    sendKey(key);
    expect(await getRequestActor()).toEqual({
      ok: false,
      code: "forbidden",
      message: expect.stringContaining("change your temporary password"),
    });

    const newPassword = "a-password-of-my-own";
    const changed = await changeOwnPassword(acmeVendor, {
      currentPassword: reset.value.temporaryPassword,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(changed.ok).toBe(true);
    expect(await getRequestActor()).toMatchObject({ ok: true, value: { userId: acmeVendor.userId } });
  });

  it("is refused with 403 for a session of a user who must change a temporary password", async () => {
    await seedDemoData(database.handle.db);
    await resetUserPassword(admin, acmeVendor.userId);
    request.session = { user: { id: acmeVendor.userId, sessionVersion: 1 } };
    expect(await getRequestActor()).toMatchObject({ ok: false, code: "forbidden" });
  });
});
