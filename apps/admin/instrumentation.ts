import * as Sentry from '@sentry/nextjs';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerProcess } = await import('@hibachi/core/jobs');
  startServerProcess('admin');
  const { initServerSentry } = await import('@hibachi/web/sentry-server');
  initServerSentry('admin', process.env.SENTRY_DSN);
}

export const onRequestError = Sentry.captureRequestError;
