'use client';

import { QueryErrorResetBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { ApiError } from './fetch-json';
import { reportClientError } from './sentry-browser';

/**
 * Wraps one widget: a crash or failed query inside shows a friendly message with a
 * retry button, and the rest of the page keeps working.
 */
export function WidgetBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          onError={reportClientError}
          fallbackRender={(props) => <WidgetFallback title={title} {...props} />}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

function WidgetFallback({ title, error, resetErrorBoundary }: FallbackProps & { title: string }) {
  const message =
    error instanceof ApiError ? error.message : 'Something went wrong while showing this.';
  return (
    <div role="alert" className="widget-error">
      <p>
        <strong>{title} could not be loaded.</strong> {message}
      </p>
      <button type="button" className="button" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
}
