'use client';

import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

/**
 * A chef's private calendar feed: a new secret URL to subscribe to in Google or Apple Calendar
 * (shown once, here); making a new one stops the old URL.
 */
export function ChefFeedButton({ chef }: { chef: { id: string; name: string } }) {
  const feed = useMutation({
    mutationFn: () => api.regenerateChefFeed({ path: { id: chef.id } }),
  });
  const url = feed.data ? new URL(feed.data.path, window.location.origin).href : undefined;
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={feed.isPending}
        aria-label={`New calendar feed for ${chef.name}`}
        onClick={() => feed.mutate()}
      >
        {feed.data ? 'New feed again' : 'Calendar feed'}
      </button>
      {url ? (
        <span className="feed-url small" role="status">
          Subscribe to{' '}
          <input
            readOnly
            value={url}
            aria-label={`${chef.name}'s feed URL`}
            onFocus={(event) => event.target.select()}
          />{' '}
          (the previous URL no longer works)
        </span>
      ) : null}
      {feed.error ? (
        <span className="field-error" role="alert">
          {feed.error.message}
        </span>
      ) : null}
    </>
  );
}
