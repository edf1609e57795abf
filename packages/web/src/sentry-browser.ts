import { ApiError } from './fetch-json';
import { createReportBuffer } from './sentry-buffer';
import type { BrowserSentryOptions, SentryReport } from './sentry-sdk';

/** Reports kept before the SDK starts (a page's Web Vitals are five or six). */
const BUFFER_LIMIT = 30;
/** The longest the SDK waits, after the page's load event, for the main thread to be idle. */
const IDLE_TIMEOUT_MS = 5_000;
/** Without requestIdleCallback (older Safari): this long after the load event. */
const NO_IDLE_CALLBACK_DELAY_MS = 2_000;

const state: { options?: BrowserSentryOptions; loading?: boolean } = {};
const buffer = createReportBuffer<SentryReport>(BUFFER_LIMIT);

/**
 * Browser-side Sentry, from each app's instrumentation-client: without a DSN nothing happens.
 * With one, only this stub runs at start-up: it keeps uncaught errors, what error boundaries
 * report and Web Vitals in a bounded buffer, and loads the SDK (sentry-sdk.ts, its own chunk)
 * once the page has loaded and the main thread is idle, or at once on the first error. The
 * SDK then sends the buffer, in order, and catches later errors itself (decision 23).
 */
export function initBrowserSentry(options: BrowserSentryOptions): void {
  if (state.options) return;
  state.options = options;
  addEventListener('error', keepUncaughtError);
  addEventListener('unhandledrejection', keepUnhandledRejection);
  afterLoadWhenIdle(loadSdk);
}

/**
 * Reports an error an error boundary caught (boundaries swallow errors, so Sentry's global
 * handlers never see them). API errors are not reported from here: the server already
 * reported its own 500s, and 4xx/503 answers are expected.
 */
export function reportClientError(error: unknown): void {
  if (!state.options || error instanceof ApiError) return;
  buffer.add({ kind: 'caught', error });
  loadSdk();
}

/** A Web Vital as a Sentry distribution (milliseconds, CLS unitless), tagged with the route. */
export function reportWebVitalToSentry(name: string, value: number, route: string): void {
  if (state.options) buffer.add({ kind: 'web-vital', name, value, route });
}

function keepUncaughtError(event: ErrorEvent): void {
  // (a cross-origin script's error comes without the error: its message is all there is)
  buffer.add({ kind: 'uncaught', error: event.error ?? event.message, source: 'onerror' });
  loadSdk();
}

function keepUnhandledRejection(event: PromiseRejectionEvent): void {
  buffer.add({ kind: 'uncaught', error: event.reason, source: 'onunhandledrejection' });
  loadSdk();
}

function loadSdk(): void {
  const options = state.options;
  if (!options || state.loading) return;
  state.loading = true;
  import('./sentry-sdk').then(
    ({ startSentrySdk }) => {
      const send = startSentrySdk(options);
      // From here the SDK's own handlers see uncaught errors (this runs in one task: none is
      // missed or sent twice).
      removeEventListener('error', keepUncaughtError);
      removeEventListener('unhandledrejection', keepUnhandledRejection);
      buffer.replay(send);
    },
    () => {
      // The chunk could not be fetched (offline): the buffer waits for the next error.
      state.loading = false;
    },
  );
}

function afterLoadWhenIdle(run: () => void): void {
  const schedule = () => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(run, NO_IDLE_CALLBACK_DELAY_MS);
  };
  if (document.readyState === 'complete') schedule();
  else addEventListener('load', schedule, { once: true });
}
