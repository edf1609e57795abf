import { withSentryConfig } from '@sentry/nextjs/config';
import { createNextConfig } from '@hibachi/web/next-config';

export default withSentryConfig(
  createNextConfig({ development: process.env.NODE_ENV !== 'production' }),
  {
    silent: true,
    telemetry: false,
    sourcemaps: { disable: true },
  },
);
