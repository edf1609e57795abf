import { startBrowser } from '@hibachi/web/browser-start';

// NEXT_PUBLIC_SENTRY_DSN and NEXT_PUBLIC_BUILD_VERSION are set at build time (see
// @hibachi/web/next-config).
startBrowser('customer', {
  sentry: {
    dsn: process.env.NEXT_PUBLIC_SENTRY_DSN || undefined,
    // The release @sentry/nextjs's build wrapper names (SENTRY_RELEASE, else the commit).
    release: process.env._sentryRelease || undefined,
    environment: process.env.NODE_ENV,
  },
  // The offline worker runs in production builds only (development would keep stale pages).
  buildVersion:
    process.env.NODE_ENV === 'production' ? process.env.NEXT_PUBLIC_BUILD_VERSION : undefined,
});
