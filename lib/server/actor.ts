import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/lib/domain/catalog";
import { fail, ok, type Result } from "@/lib/domain/errors";
import { clearedToAct } from "@/lib/domain/user-admin";
import { auth } from "@/lib/server/auth";
import { loadActiveActor, loadApiKeyActor, type SignedInActor } from "@/lib/server/auth/load-actor";

export type { SignedInActor };

/**
 * The signed-in user, read from the database on every request: a deactivated user, or a session
 * issued before a password change, stops working at once instead of when its cookie expires.
 */
export const getActor = cache(async (): Promise<SignedInActor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadActiveActor(session.user.id, session.user.sessionVersion);
});

const changePasswordPath = "/change-password";

/** The signed-in user for pages and actions; a user with a temporary password is sent to replace it first. */
export async function requireActor(): Promise<SignedInActor> {
  const actor = await requireSignedIn();
  if (!clearedToAct(actor).ok) redirect(changePasswordPath);
  return actor;
}

/** The signed-in user, even one who must change the password: for the change-password page only. */
export async function requireSignedIn(): Promise<SignedInActor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

const apiKeyScheme = /^ApiKey\s+(\S+)$/i;

/**
 * The actor of an API request: `Authorization: ApiKey <key>`, or else the session cookie; either
 * way refused (403) while the user must change a temporary password.
 */
export async function getRequestActor(): Promise<Result<SignedInActor>> {
  const actor = await requestCaller();
  return actor.ok ? clearedToAct(actor.value) : actor;
}

async function requestCaller(): Promise<Result<SignedInActor>> {
  const authorization = (await headers()).get("authorization");
  if (authorization) return authorizedActor(authorization);
  const actor = await getActor();
  return actor ? ok(actor) : fail("unauthenticated", "Sign in, or send an API key.");
}

async function authorizedActor(authorization: string): Promise<Result<SignedInActor>> {
  const key = apiKeyScheme.exec(authorization)?.[1];
  const actor = key ? await loadApiKeyActor(key) : null;
  return actor ? ok(actor) : fail("unauthenticated", "The API key is unknown, revoked, or its user is deactivated.");
}

/** Pages of another role's area answer "not found", like any object the actor may not see. */
export async function requireRole(role: UserRole): Promise<SignedInActor> {
  const actor = await requireActor();
  if (actor.role !== role) notFound();
  return actor;
}
