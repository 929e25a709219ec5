import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { signInThrottles, users, type User } from "@/db/schema";
import { recordEvent } from "@/lib/server/events";
import { unknownUserHash, verifyPassword } from "@/lib/auth/password";

/** After this many failures in a row for one email, sign-in is refused for `lockMinutes`. */
export const maxFailures = 5;
export const lockMinutes = 15;

export type CredentialsOutcome =
  { ok: true; user: User } | { ok: false; reason: "invalid" | "locked"; lockedUntil?: Date };

/**
 * Checks an email and password. Unknown emails, wrong passwords and deactivated users fail alike,
 * and the lockout counts failures per email whether or not it exists: nothing reveals which it is.
 */
export async function verifyCredentials(rawEmail: string, password: string): Promise<CredentialsOutcome> {
  const email = rawEmail.trim().toLowerCase();
  const db = await getDb();
  const [throttle] = await db.select().from(signInThrottles).where(eq(signInThrottles.email, email));
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    return { ok: false, reason: "locked", lockedUntil: throttle.lockedUntil };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? unknownUserHash);
  if (!user || !user.active || !passwordMatches) {
    const lockedUntil = await countFailure(email);
    await recordFailure(db, email, user, lockedUntil);
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
  }

  await db.delete(signInThrottles).where(eq(signInThrottles.email, email));
  await recordEvent(db, {
    objectType: "user",
    objectId: user.id,
    action: "sign_in",
    actor: { userId: user.id, accountId: user.accountId },
  });
  return { ok: true, user };
}

/** For the audit log: a known user's failures go on that user, unknown emails on the email. */
async function recordFailure(
  db: Database,
  email: string,
  user: User | undefined,
  lockedUntil: Date | null,
): Promise<void> {
  await recordEvent(db, {
    objectType: user ? "user" : "sign_in",
    objectId: user?.id ?? email,
    action: "sign_in_failed",
    actor: null,
    details: {
      email,
      ...(user && !user.active ? { reason: "inactive" } : {}),
      ...(lockedUntil ? { lockedUntil } : {}),
    },
  });
}

/** Adds a failure; returns when the email is locked until, if this failure locked it. */
async function countFailure(email: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .insert(signInThrottles)
    .values({ email, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottles.email,
      set: {
        // A lock that has run out starts the count afresh.
        failures: sql`CASE WHEN ${signInThrottles.lockedUntil} IS NOT NULL THEN 1 ELSE ${signInThrottles.failures} + 1 END`,
        lockedUntil: sql`NULL`,
        lastFailureAt: sql`now()`,
      },
    })
    .returning();
  if (!row || row.failures < maxFailures) return null;
  const lockedUntil = new Date(Date.now() + lockMinutes * 60_000);
  await db.update(signInThrottles).set({ lockedUntil }).where(eq(signInThrottles.email, email));
  return lockedUntil;
}
