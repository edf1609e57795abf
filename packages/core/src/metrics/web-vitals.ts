import { Histogram, type Registry } from 'prom-client';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { fieldError, parseInput } from '../validation';
import { getMetrics } from './registry';
import {
  PAGE_ROUTES,
  ZWebVitalsInput,
  type WebVitalName,
  type WebVitalsApp,
} from './web-vitals.schema';

type VitalHistograms = Record<WebVitalName, Histogram<'route'>>;

const globalForVitals = globalThis as unknown as { hibachiVitals?: VitalHistograms };

/** Buckets around each metric's "good" and "poor" thresholds (web.dev), in seconds or units. */
const HISTOGRAMS: Record<WebVitalName, { name: string; help: string; buckets: number[] }> = {
  LCP: {
    name: 'web_vitals_lcp_seconds',
    help: 'Largest Contentful Paint reported by browsers, per page route',
    buckets: [0.5, 1, 1.5, 2, 2.5, 3, 4, 6, 10],
  },
  INP: {
    name: 'web_vitals_inp_seconds',
    help: 'Interaction to Next Paint reported by browsers, per page route',
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2],
  },
  CLS: {
    name: 'web_vitals_cls',
    help: 'Cumulative Layout Shift reported by browsers, per page route',
    buckets: [0.01, 0.05, 0.1, 0.15, 0.25, 0.5, 1],
  },
  TTFB: {
    name: 'web_vitals_ttfb_seconds',
    help: 'Time to first byte of the page reported by browsers, per page route',
    buckets: [0.1, 0.2, 0.4, 0.8, 1.2, 2, 5],
  },
};

function vitalHistograms(registry: Registry): VitalHistograms {
  globalForVitals.hibachiVitals ??= Object.fromEntries(
    Object.entries(HISTOGRAMS).map(([vital, { name, help, buckets }]) => [
      vital,
      new Histogram({ name, help, buckets, labelNames: ['route'], registers: [registry] }),
    ]),
  ) as VitalHistograms;
  return globalForVitals.hibachiVitals;
}

/**
 * One browser's beacon: its page route must be one of the app's pages (the label set stays
 * fixed), each value in range; then each vital is observed in its histogram. Nothing else is
 * kept: no address, no path, no user. Rate limited per address, in this instance's memory.
 */
export async function recordWebVitals(options: {
  app: WebVitalsApp;
  input: unknown;
  address: string;
}): Promise<{ recorded: number }> {
  await consumeRateLimit('webVitals', `ip:${options.address}`);
  const beacon = parseInput(ZWebVitalsInput, options.input);
  const routes: readonly string[] = PAGE_ROUTES[options.app];
  if (!routes.includes(beacon.route)) throw fieldError('route', 'Not a page of this site');
  const histograms = vitalHistograms(getMetrics().registry);
  for (const vital of beacon.vitals) {
    histograms[vital.name].observe(
      { route: beacon.route },
      vital.name === 'CLS' ? vital.value : vital.value / 1000,
    );
  }
  return { recorded: beacon.vitals.length };
}
