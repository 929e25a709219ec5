import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { createUserInput } from "@/lib/domain/admin-input";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { newAdminObjectId } from "@/lib/domain/ids";
import { recordEvent } from "@/lib/server/events";
import type { CreatedUser } from "./create-user";
import { newTemporaryPassword } from "./temporary-password";

const platformAccountName = "Usage Portal";

/**
 * An admin made by an operator on the server (`npm run admin -- create-admin`): how a production
 * database, which never gets the demo users, gets its first one. The platform account is created
 * with it when missing; the password is temporary and shown once.
 */
export async function createFirstAdmin(email: string, name: string): Promise<Result<CreatedUser>> {
  const input = createUserInput.shape.email.safeParse(email);
  if (!input.success) return fail("invalid_input", `${email} is not an email address.`);
  const { password, passwordHash } = await newTemporaryPassword();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.data));
    if (taken) return fail("conflict", `A user with the email ${input.data} exists.`);
    const accountId = await platformAccountId(tx);
    const [user] = await tx
      .insert(users)
      .values({
        id: newAdminObjectId("user"),
        email: input.data,
        name,
        accountId,
        role: "admin",
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    await recordEvent(tx, {
      objectType: "user",
      objectId: user!.id,
      action: "create",
      actor: null,
      details: { email: input.data, role: "admin" },
    });
    return ok({ user: user!, temporaryPassword: password });
  });
}

async function platformAccountId(tx: Database): Promise<string> {
  const [platform] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.kind, "platform"));
  if (platform) return platform.id;
  const [created] = await tx
    .insert(accounts)
    .values({ id: newAdminObjectId("account"), name: platformAccountName, kind: "platform" })
    .returning({ id: accounts.id });
  return created!.id;
}
