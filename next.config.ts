import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Only the app's own origin. Next's bootstrap scripts are inline ('unsafe-inline'); the development
// server also evaluates code for hot reload ('unsafe-eval'). Charts use inline styles and export through
// data: and blob: images.
function contentSecurityPolicy(frameAncestors: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

const common = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];
export default function nextConfig(phase: string): NextConfig {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  const embeddable = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy('*', dev) }];
  return {
    // Database drivers load WebAssembly and native files at run time: keep them out of the bundle.
    serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg'],
    poweredByHeader: false,
    typedRoutes: false,
    async headers() {
      // For the same header, a later matching rule wins: images meant for other sites come last.
      return [
        {
          source: '/:path*',
          headers: [
            ...common,
            { key: 'Content-Security-Policy', value: contentSecurityPolicy("'none'", dev) },
          ],
        },
        { source: '/api/models/:org/:name/badge.svg', headers: embeddable },
        { source: '/api/compare/image', headers: embeddable },
        { source: '/models/:org/:name/:image(opengraph-image.*)', headers: embeddable },
      ];
    },
  };
}
