import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPassword, seedDemoData } from "@/db/seed";
import { events, users } from "@/db/schema";
import { withTestDatabase } from "@/test/db";
import { maxFailures, verifyCredentials } from "./verify-credentials";

const database = withTestDatabase();

describe("signing in", () => {
  it("accepts a demo login, whatever the email's case, and records the sign-in", async () => {
    await seedDemoData(database.handle.db);
    const outcome = await verifyCredentials(" Vendor@Acme.test ", demoPassword);
    expect(outcome).toMatchObject({ ok: true, user: { email: "vendor@acme.test", role: "vendor" } });
    const signIns = await database.handle.db.select().from(events).where(eq(events.action, "sign_in"));
    expect(signIns).toHaveLength(1);
  });

  it("fails a wrong password and an unknown email alike", async () => {
    await seedDemoData(database.handle.db);
    expect(await verifyCredentials("vendor@acme.test", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("nobody@acme.test", "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user with the right password", async () => {
    await seedDemoData(database.handle.db);
    await database.handle.db.update(users).set({ active: false }).where(eq(users.email, "vendor2@acme.test"));
    expect(await verifyCredentials("vendor2@acme.test", demoPassword)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email after repeated failures, even the right password, and unknown emails too", async () => {
    await seedDemoData(database.handle.db);
    for (const email of ["vendor@acme.test", "ghost@acme.test"]) {
      for (let attempt = 1; attempt < maxFailures; attempt++) {
        expect(await verifyCredentials(email, "wrong")).toEqual({ ok: false, reason: "invalid" });
      }
      expect(await verifyCredentials(email, "wrong")).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await verifyCredentials("vendor@acme.test", demoPassword)).toMatchObject({ ok: false, reason: "locked" });
    expect(await verifyCredentials("vendor2@acme.test", demoPassword)).toMatchObject({ ok: true });
  });
});
