import type * as SentryModule from '@sentry/nextjs';
import { ApiError } from './fetch-json';
import { PRIVATE_DATA_COLLECTION, scrubEvent } from './sentry-privacy';

type Browser = { app: string; sentry: Promise<typeof SentryModule> };
const state: { browser?: Browser } = {};

/**
 * Browser-side Sentry, from each app's instrumentation-client: without a DSN nothing is
 * loaded at all; with one the SDK is fetched as a separate chunk after start-up (it never
 * weighs on the first page load), catches uncaught errors and scrubs events like the server.
 */
export function initBrowserSentry(app: string, dsn: string | undefined): void {
  if (!dsn || state.browser) return;
  state.browser = {
    app,
    sentry: import('@sentry/nextjs').then((Sentry) => {
      Sentry.init({
        dsn,
        tracesSampleRate: 0,
        dataCollection: PRIVATE_DATA_COLLECTION,
        initialScope: { tags: { app, side: 'browser' } },
        beforeSend: scrubEvent,
      });
      return Sentry;
    }),
  };
}

/**
 * Reports an error an error boundary caught (boundaries swallow errors, so Sentry's global
 * handlers never see them). API errors are not reported from here: the server already
 * reported its own 500s, and 4xx/503 answers are expected.
 */
export function reportClientError(error: unknown): void {
  if (!state.browser || error instanceof ApiError) return;
  void state.browser.sentry.then((Sentry) => Sentry.captureException(error));
}

/** A Web Vital as a Sentry distribution (milliseconds, CLS unitless), tagged with the route. */
export function reportWebVitalToSentry(name: string, value: number, route: string): void {
  if (!state.browser) return;
  void state.browser.sentry.then((Sentry) =>
    Sentry.metrics.distribution(`web_vitals.${name.toLowerCase()}`, value, {
      unit: name === 'CLS' ? 'none' : 'millisecond',
      attributes: { route },
    }),
  );
}
