import { createNextConfig } from '@hibachi/web/next-config';

export default createNextConfig({
  development: process.env.NODE_ENV !== 'production',
  sentryDsn: process.env.SENTRY_DSN,
  buildVersion: process.env.BUILD_VERSION,
});
