'use client';

import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { WebVitalsApp } from '@hibachi/core/metrics/web-vitals-routes';

const WebVitalsSubscriber = lazy(() => import('./web-vitals-subscriber'));

const noSubscription = () => () => {};

/**
 * The page's Web Vitals reporter, out of the first load: the subscriber (web-vitals, the
 * route list, the beacon) is its own chunk, fetched once the page has hydrated. The browser
 * keeps the entries the metrics are made of (paint, layout shifts, interactions) and hands
 * them to a late observer, so nothing is missed by starting after the page is up.
 */
export function WebVitalsReporter({ app }: { app: WebVitalsApp }) {
  // false on the server and while hydrating, true after: the chunk is never in the HTML
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <Suspense fallback={null}>
      <WebVitalsSubscriber app={app} />
    </Suspense>
  );
}
