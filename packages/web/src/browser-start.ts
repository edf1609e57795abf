import { initBrowserSentry } from './sentry-browser';
import type { BrowserSentryOptions } from './sentry-sdk';

/**
 * What each app's instrumentation-client runs first in the browser. Pages forbid eval
 * (content security policy, decision 21): zod's fast path would probe for it on its first
 * parse, a policy violation, before falling back. zod reads its settings from this global
 * (set here without importing zod, which would add 5 kB to every page).
 */
export function startBrowser(
  app: string,
  options: {
    sentry: Omit<BrowserSentryOptions, 'app' | 'dsn'> & { dsn: string | undefined };
    buildVersion: string | undefined;
  },
): void {
  const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  Object.assign((scope.__zod_globalConfig ??= {}), { jitless: true });
  started.buildVersion = options.buildVersion;
  const { dsn, ...sentry } = options.sentry;
  if (dsn) initBrowserSentry({ app, dsn, ...sentry });
}

const started: { buildVersion?: string | undefined } = {};

/** The build the offline worker is registered for; undefined in development (no worker). */
export function offlineWorkerVersion(): string | undefined {
  return started.buildVersion;
}
