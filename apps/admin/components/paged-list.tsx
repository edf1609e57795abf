'use client';

import type { ReactNode } from 'react';

type PagedQuery = {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * A cursor-paged list's frame: loading, a failure with a retry, the empty state, or the
 * rows, then "Load more" while the server has another page.
 */
export function PagedList({
  query,
  count,
  noun,
  empty,
  children,
}: {
  query: PagedQuery;
  count: number;
  noun: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <>
      {query.isPending ? (
        <p role="status" className="muted">
          Loading {noun.toLowerCase()}…
        </p>
      ) : query.isError ? (
        <div role="alert" className="widget-error">
          <p>
            <strong>{noun} could not be loaded.</strong> {query.error?.message}
          </p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : count === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        children
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button secondary load-more"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </>
  );
}
