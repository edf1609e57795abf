/**
 * The policy of pages (documents): scripts only with this response's nonce or loaded by one
 * that has it ('strict-dynamic'), never inline without it. Next.js reads the nonce from the
 * request's policy and puts it on its own scripts, so every page renders per request
 * (decision 021). 'self' is the fallback of browsers older than CSP 3, which ignore
 * 'strict-dynamic' and nonces alike.
 */
export function pagePolicy(options: {
  nonce: string;
  development: boolean;
  reportTo?: string | undefined;
}): string {
  const { nonce, development, reportTo } = options;
  return [
    "default-src 'self'",
    // React's development build needs eval for debugging; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React's style={…}) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // No data: images in production (none are used).
    `img-src 'self'${development ? ' data:' : ''}`,
    "font-src 'self'",
    // The offline service worker (/sw.js): 'strict-dynamic' would otherwise refuse it.
    "worker-src 'self'",
    `connect-src 'self'${reportTo ? ` ${reportTo}` : ''}`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** 128 random bits, base64: a fresh one for every page answer. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin Sentry's browser SDK reports to, from a DSN (https://<key>@<host>/<project>). */
export function sentryOrigin(dsn: string): string {
  try {
    return new URL(dsn).origin;
  } catch {
    throw new Error('SENTRY_DSN must be a URL (https://<key>@<host>/<project>)');
  }
}
