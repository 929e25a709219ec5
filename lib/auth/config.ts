import type { NextAuthConfig } from "next-auth";
import { userRoleSchema } from "@/lib/domain/catalog";

/**
 * The part of the Auth.js setup that needs no database, shared by the proxy (which only sends
 * anonymous visitors to sign-in) and the full server setup in lib/server/auth.
 */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.accountId = user.accountId;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.accountId = String(token.accountId);
      session.user.role = userRoleSchema.parse(token.role);
      session.user.sessionVersion = Number(token.sessionVersion);
      return session;
    },
  },
} satisfies NextAuthConfig;
