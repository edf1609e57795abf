import { startBrowser } from '@hibachi/web/browser-start';

// NEXT_PUBLIC_SENTRY_DSN is SENTRY_DSN at build time (see @hibachi/web/next-config).
startBrowser('admin', process.env.NEXT_PUBLIC_SENTRY_DSN || undefined);
