import * as Sentry from '@sentry/nextjs';

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startBackgroundJobs, startServerProcess } = await import('@hibachi/core/jobs');
  startServerProcess('customer');
  const { initServerSentry } = await import('@hibachi/web/sentry-server');
  initServerSentry('customer', process.env.SENTRY_DSN);
  startBackgroundJobs();
  // The production server answers the conversation stream itself: the same handler, without
  // Next.js's per-request state held for as long as a stream stays open (decision 25).
  const [{ serveDirectly }, { API_HEADERS }, { GET }] = await Promise.all([
    import('@hibachi/core/live'),
    import('@hibachi/web/security-headers'),
    import('./app/api/conversations/current/events/route'),
  ]);
  serveDirectly('/api/conversations/current/events', GET, API_HEADERS);
}

export const onRequestError = Sentry.captureRequestError;
