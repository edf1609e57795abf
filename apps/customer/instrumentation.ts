import * as Sentry from '@sentry/nextjs';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs, startServerProcess } = await import('@hibachi/core/platform');
  startServerProcess('customer');
  startBackgroundJobs();
  const dsn = process.env.SENTRY_DSN;
  Sentry.init({ dsn, enabled: Boolean(dsn), tracesSampleRate: 0 });
}

export const onRequestError = Sentry.captureRequestError;
