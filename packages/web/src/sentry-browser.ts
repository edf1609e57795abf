import { ApiError } from './fetch-json';
import { createReportBuffer } from './sentry-buffer';
import type { BrowserSentryOptions, SentryReport } from './sentry-sdk';

/** Reports kept before the SDK starts (a page's Web Vitals are five or six). */
const BUFFER_LIMIT = 30;
/**
 * The SDK waits, after the page's load event, for this long a stretch without a long task
 * (the page's start-up work, hydration and its first fetches, is over: what Lighthouse calls
 * time to interactive), so its own evaluation never adds to a busy start.
 */
const QUIET_WINDOW_MS = 5_000;
/** A page that never goes quiet gets the SDK this long after its load event anyway (plus the idle wait). */
const QUIET_WAIT_LIMIT_MS = 30_000;
/** Then the longest it waits for an idle moment of the main thread. */
const IDLE_TIMEOUT_MS = 5_000;

const state: { options?: BrowserSentryOptions; loading?: boolean; stopWaiting?: () => void } = {};
const buffer = createReportBuffer<SentryReport>(BUFFER_LIMIT);

/**
 * Browser-side Sentry, from each app's instrumentation-client: without a DSN nothing happens.
 * With one, only this stub runs at start-up: it keeps uncaught errors, what error boundaries
 * report and Web Vitals in a bounded buffer, and loads the SDK (sentry-sdk.ts, its own chunk)
 * once the page has loaded and gone quiet, or at once on the first error or when the page is
 * hidden. The SDK then sends the buffer, in order, and catches later errors itself
 * (decision 23).
 */
export function initBrowserSentry(options: BrowserSentryOptions): void {
  if (state.options) return;
  state.options = options;
  addEventListener('error', keepUncaughtError);
  addEventListener('unhandledrejection', keepUnhandledRejection);
  afterLoadWhenQuiet(loadSdk);
  // A page put away (another tab, the phone locked) costs its user nothing to load the SDK
  // in, and may never come back to the foreground: what it buffered (its Web Vitals) goes
  // then. (A page being closed rarely gets that far.)
  addEventListener('visibilitychange', loadWhenHidden);
}

function loadWhenHidden(): void {
  if (document.visibilityState !== 'hidden') return;
  removeEventListener('visibilitychange', loadWhenHidden);
  loadSdk();
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
  state.stopWaiting?.();
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

/** Runs `run` once the page has loaded and gone quiet; `state.stopWaiting` cancels the watch. */
function afterLoadWhenQuiet(run: () => void): void {
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else run();
  };
  const afterLoad = () => {
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      // (no long-task timing, as in Safari and Firefox: a fixed quiet window instead)
      const wait = setTimeout(whenIdle, QUIET_WINDOW_MS);
      state.stopWaiting = () => clearTimeout(wait);
      return;
    }
    const limit = setTimeout(done, QUIET_WAIT_LIMIT_MS);
    let quiet = setTimeout(done, QUIET_WINDOW_MS);
    const observer = new PerformanceObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, QUIET_WINDOW_MS);
    });
    observer.observe({ type: 'longtask' });
    const stop = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
    };
    function done() {
      stop();
      whenIdle();
    }
    state.stopWaiting = stop;
  };
  if (document.readyState === 'complete') afterLoad();
  else {
    addEventListener('load', afterLoad, { once: true });
    state.stopWaiting = () => removeEventListener('load', afterLoad);
  }
}
