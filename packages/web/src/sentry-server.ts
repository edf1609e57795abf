import * as Sentry from '@sentry/nextjs';
import { setErrorReporter } from '@hibachi/core/errors';
import { PRIVATE_DATA_COLLECTION, scrubEvent } from './sentry-privacy';

/**
 * Server-side Sentry for one app (called from instrumentation `register()`): nothing is
 * sent without a DSN. With one, core's unexpected errors (500s, failing background jobs)
 * are reported with their request id, and every event is scrubbed of customer data first.
 */
export function initServerSentry(app: string, dsn: string | undefined): void {
  // Without a DSN Sentry is not started at all: even disabled, its init registers an
  // OpenTelemetry provider that Next.js then traces every request through (measured: about
  // two thirds of the CPU a health check costs under load).
  if (!dsn) return;
  // No `tracesSampleRate`: errors only, no performance tracing on every request.
  Sentry.init({
    dsn,
    dataCollection: PRIVATE_DATA_COLLECTION,
    initialScope: { tags: { app } },
    beforeSend: scrubEvent,
  });
  setErrorReporter((error, context) => {
    Sentry.captureException(error, {
      tags: {
        ...(context.requestId ? { request_id: context.requestId } : {}),
        ...(context.job ? { job: context.job } : {}),
      },
      contexts: context.path ? { route: { path: context.path, method: context.method } } : {},
    });
  });
}
