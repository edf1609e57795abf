import { withSentryConfig } from '@sentry/nextjs/config';
import { createNextConfig } from '@hibachi/web/next-config';

export default withSentryConfig(
  createNextConfig({
    development: process.env.NODE_ENV !== 'production',
    sentryDsn: process.env.SENTRY_DSN,
  }),
  {
    silent: true,
    telemetry: false,
    sourcemaps: { disable: true },
  },
);
