import { startBrowser } from '@hibachi/web/browser-start';

// NEXT_PUBLIC_SENTRY_DSN and NEXT_PUBLIC_BUILD_VERSION are set at build time (see
// @hibachi/web/next-config).
startBrowser('admin', {
  sentryDsn: process.env.NEXT_PUBLIC_SENTRY_DSN || undefined,
  // The offline worker runs in production builds only (development would keep stale pages).
  buildVersion:
    process.env.NODE_ENV === 'production' ? process.env.NEXT_PUBLIC_BUILD_VERSION : undefined,
});
