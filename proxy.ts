import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";

// Only sends anonymous visitors to sign-in; every page and action checks its actor on the server.
export const { auth: proxy } = NextAuth({ ...authConfig, secret: authSecret() });

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|sign-in).*)"],
};
