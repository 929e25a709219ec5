import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";
import { verifyCredentials } from "./verify-credentials";

const credentialsSchema = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

/** Thrown to Auth.js so the sign-in form can say "locked" without saying whether the email exists. */
class SignInLocked extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: authSecret(),
  logger: {
    // A refused sign-in is an expected outcome, answered on the form; not an error for the logs.
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (outcome.ok) {
          const { id, email, name, accountId, role, sessionVersion } = outcome.user;
          return { id, email, name, accountId, role, sessionVersion };
        }
        if (outcome.reason === "locked") throw new SignInLocked();
        return null;
      },
    }),
  ],
});
