import {
  BrowserClient,
  breadcrumbsIntegration,
  captureException,
  dedupeIntegration,
  defaultStackParser,
  eventFiltersIntegration,
  getCurrentScope,
  globalHandlersIntegration,
  httpContextIntegration,
  linkedErrorsIntegration,
  makeFetchTransport,
  metrics,
  setCurrentClient,
} from '@sentry/nextjs';
import { PRIVATE_DATA_COLLECTION, scrubEvent } from './sentry-privacy';

/** What the page hands Sentry: uncaught errors, what error boundaries caught, Web Vitals. */
export type SentryReport =
  | { kind: 'uncaught'; error: unknown; source: 'onerror' | 'onunhandledrejection' }
  | { kind: 'caught'; error: unknown }
  | { kind: 'web-vital'; name: string; value: number; route: string };

export type BrowserSentryOptions = {
  app: string;
  dsn: string;
  release?: string | undefined;
  environment?: string | undefined;
};

/**
 * The browser SDK, loaded as its own chunk by sentry-browser.ts once the page is idle (or at
 * its first error). Only what the project uses is imported, so the rest of the SDK is left
 * out of the chunk: no tracing, replay, feedback, sessions or profiling. Uncaught errors,
 * click breadcrumbs (fetch, XHR and navigation crumbs would carry nothing once scrubbed),
 * linked causes, the page's URL and user agent, duplicate and known-noise filtering.
 */
export function startSentrySdk(options: BrowserSentryOptions): (report: SentryReport) => void {
  getCurrentScope().setTags({ app: options.app, side: 'browser' });
  const client = new BrowserClient({
    dsn: options.dsn,
    release: options.release,
    environment: options.environment,
    transport: makeFetchTransport,
    stackParser: defaultStackParser,
    integrations: [
      eventFiltersIntegration(),
      globalHandlersIntegration(),
      linkedErrorsIntegration(),
      dedupeIntegration(),
      httpContextIntegration(),
      breadcrumbsIntegration({ dom: true, fetch: false, xhr: false, history: false }),
    ],
    dataCollection: PRIVATE_DATA_COLLECTION,
    beforeSend: scrubEvent,
  });
  setCurrentClient(client);
  client.init();
  return sendReport;
}

function sendReport(report: SentryReport): void {
  switch (report.kind) {
    case 'uncaught':
      // As the SDK's own global handlers would have sent it, had it been loaded.
      captureException(report.error, {
        mechanism: { handled: false, type: `auto.browser.global_handlers.${report.source}` },
      });
      return;
    case 'caught':
      captureException(report.error);
      return;
    case 'web-vital':
      metrics.distribution(`web_vitals.${report.name.toLowerCase()}`, report.value, {
        unit: report.name === 'CLS' ? 'none' : 'millisecond',
        attributes: { route: report.route },
      });
  }
}
