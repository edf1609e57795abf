import * as Sentry from '@sentry/nextjs';
import { setErrorReporter } from '@hibachi/core/errors';
import { PRIVATE_DATA_COLLECTION, scrubEvent } from './sentry-privacy';

/**
 * Server-side Sentry for one app (called from instrumentation `register()`): nothing is
 * sent without a DSN. With one, core's unexpected errors (500s, failing background jobs)
 * are reported with their request id, and every event is scrubbed of customer data first.
 */
export function initServerSentry(app: string, dsn: string | undefined): void {
  Sentry.init({
    dsn,
    enabled: Boolean(dsn),
    tracesSampleRate: 0,
    dataCollection: PRIVATE_DATA_COLLECTION,
    initialScope: { tags: { app } },
    beforeSend: scrubEvent,
  });
  if (!dsn) return;
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
