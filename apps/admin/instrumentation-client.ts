import { initBrowserSentry } from '@hibachi/web/sentry-browser';

// NEXT_PUBLIC_SENTRY_DSN is SENTRY_DSN at build time (see @hibachi/web/next-config).
initBrowserSentry('admin', process.env.NEXT_PUBLIC_SENTRY_DSN || undefined);
