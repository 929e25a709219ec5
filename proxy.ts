import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";

const { auth } = NextAuth({ ...authConfig, secret: authSecret() });

// Only sends anonymous visitors to sign-in; every page and action checks its actor on the server.
export default auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|sign-in).*)"],
};
