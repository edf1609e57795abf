import { config as configureZod } from 'zod/v4/core';
import { initBrowserSentry } from '@hibachi/web/sentry-browser';

// NEXT_PUBLIC_SENTRY_DSN is SENTRY_DSN at build time (see @hibachi/web/next-config).
initBrowserSentry('admin', process.env.NEXT_PUBLIC_SENTRY_DSN || undefined);

// Pages forbid eval (content security policy): zod would probe for it on its first parse (a
// policy violation) before falling back to the same checks without it.
configureZod({ jitless: true });
