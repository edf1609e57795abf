export type ErrorReportContext = {
  requestId?: string;
  path?: string;
  method?: string;
  job?: string;
};
export type ErrorReporter = (error: unknown, context: ErrorReportContext) => void;

// On globalThis: Next.js bundles instrumentation and routes separately, and each bundle
// gets its own copy of this module.
const globalForReporter = globalThis as unknown as { hibachiErrorReporter?: ErrorReporter };

/** Installed once at start-up (Sentry when SENTRY_DSN is set); core stays SDK-free. */
export function setErrorReporter(reporter: ErrorReporter | undefined): void {
  globalForReporter.hibachiErrorReporter = reporter;
}

/** Hands an unexpected error (a bug, not a client mistake) to the reporter, if any. Never throws. */
export function reportError(error: unknown, context: ErrorReportContext): void {
  try {
    globalForReporter.hibachiErrorReporter?.(error, context);
  } catch {
    // Reporting must never break the request that failed.
  }
}
