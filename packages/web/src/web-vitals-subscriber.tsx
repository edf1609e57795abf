'use client';

import { useParams, usePathname } from 'next/navigation';
import { useReportWebVitals } from 'next/web-vitals';
import { useCallback, useEffect, useRef } from 'react';
import {
  PAGE_ROUTES,
  pageRouteTemplate,
  WEB_VITALS,
  type WebVitalName,
  type WebVitalsApp,
} from '@hibachi/core/metrics/web-vitals-routes';
import { reportWebVitalToSentry } from './sentry-browser';

type Vital = { name: WebVitalName; value: number };

const isReported = (name: string): name is WebVitalName =>
  (WEB_VITALS as readonly string[]).includes(name);

/**
 * Loaded after hydration by WebVitalsReporter (web-vitals-reporter.tsx). Sends the page's Web Vitals to the app's /api/vitals (and Sentry, when configured) as the
 * browser reports them: Next's `useReportWebVitals` gives each final value (LCP and CLS when
 * the page is hidden, INP at the end); the ones of one moment go in one beacon, which
 * `sendBeacon` delivers even while the page unloads. Pages outside the app's route list (a
 * 404) report nothing. No path, query or user goes with them: only the route template.
 */
export default function WebVitalsSubscriber({ app }: { app: WebVitalsApp }) {
  const pathname = usePathname();
  const params = useParams<Record<string, string | string[]>>();
  const route = useRef<string | undefined>(undefined);
  const queue = useRef<Vital[]>([]);
  useEffect(() => {
    const template = pageRouteTemplate(pathname, params ?? {});
    route.current = (PAGE_ROUTES[app] as readonly string[]).includes(template)
      ? template
      : undefined;
  }, [app, pathname, params]);

  // One callback for the page's life: Next subscribes again whenever it changes.
  const report = useCallback((metric: { name: string; value: number }) => {
    if (!isReported(metric.name) || !route.current) return;
    const vital = { name: metric.name, value: Math.max(0, metric.value) };
    reportWebVitalToSentry(vital.name, vital.value, route.current);
    if (queue.current.push(vital) > 1) return;
    const page = route.current;
    queueMicrotask(() => {
      const vitals = queue.current.splice(0);
      const body = new Blob([JSON.stringify({ route: page, vitals })], {
        type: 'application/json',
      });
      if (!navigator.sendBeacon?.('/api/vitals', body))
        void fetch('/api/vitals', { method: 'POST', body, keepalive: true }).catch(() => {});
    });
  }, []);
  useReportWebVitals(report);
  return null;
}
