'use client';

import { useEffect } from 'react';
import { reportClientError } from './sentry-browser';

/** Shared body of each app's error.tsx: a friendly message, the digest for support, and retry. */
export function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // Errors with a digest come from the server, which reported them already.
  useEffect(() => {
    if (!error.digest) reportClientError(error);
  }, [error]);
  return (
    <section className="panel" role="alert">
      <h1>Something went wrong</h1>
      <p>We hit an unexpected problem showing this page. Your data is safe; please try again.</p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}

/** Both apps' global-error.tsx: replaces the root layout when it fails. */
export function GlobalErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
