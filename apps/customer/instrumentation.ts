import * as Sentry from '@sentry/nextjs';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs, startServerProcess } = await import('@hibachi/core/jobs');
  startServerProcess('customer');
  const { initServerSentry } = await import('@hibachi/web/sentry-server');
  initServerSentry('customer', process.env.SENTRY_DSN);
  startBackgroundJobs();
}

export const onRequestError = Sentry.captureRequestError;
