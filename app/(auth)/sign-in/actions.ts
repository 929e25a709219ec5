"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { lockMinutes } from "@/lib/server/auth/verify-credentials";
import { signIn } from "@/lib/server/auth";
import { safeReturnPath } from "@/lib/security/return-path";

export interface SignInState {
  error?: string;
  email?: string;
}

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email."),
  password: z.string().min(1, "Enter your password."),
});

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  try {
    // Auth.js makes the path absolute on the host the browser asked (or AUTH_URL), and the browser
    // loads it whole: the new session's first page may itself redirect (to change a password).
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(formData.get("returnTo")) ?? "/" });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "locked") {
      return {
        error: `Too many failed sign-ins for this email. Try again in ${lockMinutes} minutes.`,
        email,
      };
    }
    if (error instanceof AuthError) return { error: "Email or password is incorrect.", email };
    throw error; // the redirect after a successful sign-in
  }
}
