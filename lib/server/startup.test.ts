import { describe, expect, it } from "vitest";
import { demoPassword, demoUsers } from "@/db/seed";
import { users } from "@/db/schema";
import { withTestDatabase } from "@/test/db";
import { createFirstAdmin } from "./admin/create-first-admin";
import { verifyCredentials } from "./auth/verify-credentials";
import { loadDemoDataIfWanted } from "./startup";

const database = withTestDatabase();
const ownDatabase = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/production", SEED_DEMO_DATA: false };

describe("a database of one's own (DATABASE_URL)", () => {
  it("gets no demo users: the demo password signs in nobody", async () => {
    expect(await loadDemoDataIfWanted(database.handle.db, ownDatabase)).toBe(false);
    expect(await database.handle.db.select().from(users)).toEqual([]);
    for (const { email } of demoUsers) {
      expect(await verifyCredentials(email, demoPassword)).toMatchObject({ ok: false });
    }
  });

  it("gets its first admin from create-admin, who signs in once with the printed password and must change it", async () => {
    await loadDemoDataIfWanted(database.handle.db, ownDatabase);
    const created = await createFirstAdmin("Ops@Example.org", "Operations");
    expect(created).toMatchObject({ ok: true, value: { user: { email: "ops@example.org", role: "admin" } } });
    const password = created.ok ? created.value.temporaryPassword : "";
    expect(await verifyCredentials("ops@example.org", password)).toMatchObject({
      ok: true,
      user: { role: "admin", mustChangePassword: true },
    });
    expect(await createFirstAdmin("ops@example.org", "Again")).toMatchObject({ ok: false, code: "conflict" });
    expect(await createFirstAdmin("not an email", "Nobody")).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("gets the demo data when SEED_DEMO_DATA=true, once, into an empty database", async () => {
    expect(await loadDemoDataIfWanted(database.handle.db, { ...ownDatabase, SEED_DEMO_DATA: true })).toBe(true);
    expect(await verifyCredentials("admin@portal.test", demoPassword)).toMatchObject({ ok: true });
    expect(await loadDemoDataIfWanted(database.handle.db, { ...ownDatabase, SEED_DEMO_DATA: true })).toBe(false);
  });
});
