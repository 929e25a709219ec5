import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { authSecret } from "@/lib/env";
import {
  contentSecurityPolicy,
  isDevelopment,
  newNonce,
  servedOverHttps,
  strictTransportSecurity,
} from "@/lib/security/headers";

const { auth } = NextAuth({ ...authConfig, secret: authSecret() });

const signInPath = "/sign-in";
const callbackParam = "callbackUrl";
const noParams = { params: Promise.resolve({}) };

// Sends anonymous visitors to sign-in (every page and action still checks its actor on the
// server), and gives each page a fresh CSP nonce.
const pages = auth((request) => {
  if (!request.auth?.user && request.nextUrl.pathname !== signInPath) return toSignIn(request.nextUrl);
  return withNonce(request);
});

/** Sign-in, remembering the page asked for as a relative path, so that a shared link survives it. */
function toSignIn(asked: URL): NextResponse {
  const target = new URL(signInPath, asked);
  const path = `${asked.pathname}${asked.search}`;
  if (path !== "/") target.searchParams.set(callbackParam, path);
  return NextResponse.redirect(target);
}

export default async function proxy(request: NextRequest): Promise<Response> {
  const response = (await pages(request, noParams)) ?? NextResponse.next();
  if (servedOverHttps(request.nextUrl)) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

/** Next.js takes the nonce from the request's copy of the policy and puts it on the scripts it renders. */
function withNonce(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: isDevelopment(),
    https: servedOverHttps(request.nextUrl),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only. Next.js hands the proxy at most 10 MB of a request body, which would cut uploads to
  // the API short; the API's headers come from next.config.ts, static files' too.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
