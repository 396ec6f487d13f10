import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Database drivers load WebAssembly and native files at run time: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
