'use client';

import { lazy, Suspense } from 'react';
import type { WebVitalsApp } from '@hibachi/core/metrics/web-vitals-routes';
import { useHydrated } from './use-hydrated';

// A chunk that cannot be fetched (offline before it was cached, or gone after a release)
// reports nothing instead of breaking the page: the reporter sits in the root layout.
const WebVitalsSubscriber = lazy(() =>
  import('./web-vitals-subscriber').catch(() => ({ default: () => null })),
);

/**
 * The page's Web Vitals reporter, out of the first load: the subscriber (web-vitals, the
 * route list, the beacon) is its own chunk, fetched once the page has hydrated. The browser
 * keeps the paint and layout-shift entries and the slower interactions (event timing of
 * 104 ms or more) for a late observer, so the figures that matter are not missed.
 */
export function WebVitalsReporter({ app }: { app: WebVitalsApp }) {
  // (false on the server and while hydrating: the chunk is never in the HTML)
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <Suspense fallback={null}>
      <WebVitalsSubscriber app={app} />
    </Suspense>
  );
}
