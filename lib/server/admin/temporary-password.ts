import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";

/**
 * A random password shown once to the admin, who hands it over; the user must replace it at the
 * first sign-in, so the admin never knows a password in use.
 */
export async function newTemporaryPassword(): Promise<{ password: string; passwordHash: string }> {
  const password = randomBytes(12).toString("base64url");
  return { password, passwordHash: await hashPassword(password) };
}
