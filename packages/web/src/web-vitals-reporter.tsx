'use client';

import dynamic from 'next/dynamic';

/**
 * The page's Web Vitals reporter, out of the first load: the subscriber (web-vitals, the
 * route list, the beacon) is its own chunk, fetched on the client once the page is up. The
 * browser keeps the paint and layout-shift entries and the slower interactions (event timing
 * of 104 ms or more) for a late observer, so the figures that matter are not missed. A chunk
 * that cannot be fetched (offline before it was cached, or gone after a release) reports
 * nothing instead of breaking the page: the reporter sits in the root layout.
 */
export const WebVitalsReporter = dynamic(
  () => import('./web-vitals-subscriber').catch(() => ({ default: () => null })),
  { ssr: false },
);
