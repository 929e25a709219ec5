import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { UserRole } from "@/lib/domain/catalog";
import { fail, ok, type Result } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { auth } from "@/lib/server/auth";

export interface SignedInActor extends Actor {
  name: string;
  email: string;
  accountName: string;
}

/**
 * The signed-in user, read from the database on every request: a deactivated user, or a session
 * issued before a password change, stops working at once instead of when its cookie expires.
 */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadActiveActor(session.user.id, session.user.sessionVersion);
});

export async function loadActiveActor(userId: string, sessionVersion: number): Promise<SignedInActor | null> {
  const db = await getDb();
  const user = await db.query.users.findFirst({
    where: and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, sessionVersion)),
    with: { account: true },
  });
  if (!user) return null;
  return {
    userId: user.id,
    accountId: user.accountId,
    role: user.role,
    name: user.name,
    email: user.email,
    accountName: user.account.name,
  };
}

export async function requireActor(): Promise<SignedInActor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** The actor of an API request; API keys join the session cookie here. */
export async function getRequestActor(): Promise<Result<SignedInActor>> {
  const actor = await getActor();
  return actor ? ok(actor) : fail("unauthenticated", "Sign in, or send an API key.");
}

/** Pages of another role's area answer "not found", like any object the actor may not see. */
export async function requireRole(role: UserRole): Promise<SignedInActor> {
  const actor = await requireActor();
  if (actor.role !== role) notFound();
  return actor;
}
