import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BREAKERS, breakerOpen, type BreakerName } from '../platform/breakers';
import { rateLimitHistogram } from '../rate-limit/rate-limiter';
import { registerOperationsGauges } from './operations-gauges';
import { decodeSegment } from './web-vitals.schema';
import { bookingWriteHistogram } from './write-steps';

type Metrics = {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
};

const globalForMetrics = globalThis as unknown as { hibachiMetrics?: Metrics };

/** One registry per process (kept on globalThis so dev reloads do not register twice). */
export function getMetrics(): Metrics {
  if (!globalForMetrics.hibachiMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    globalForMetrics.hibachiMetrics = {
      registry,
      requests: new Counter({
        name: 'http_requests_total',
        help: 'API requests by route and status',
        labelNames: ['method', 'route', 'status'],
        registers: [registry],
      }),
      duration: new Histogram({
        name: 'http_request_duration_seconds',
        help: 'API request latency',
        labelNames: ['method', 'route'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
    };
    new Gauge({
      name: 'hibachi_circuit_breaker_open',
      help: 'Whether the breaker around an outside service is open (1) or letting calls through (0)',
      labelNames: ['breaker'],
      registers: [registry],
      collect() {
        for (const name of Object.keys(BREAKERS) as BreakerName[])
          this.set({ breaker: name }, breakerOpen(name) ? 1 : 0);
      },
    });
    registerOperationsGauges(registry);
    registry.registerMetric(bookingWriteHistogram());
    registry.registerMetric(rateLimitHistogram());
  }
  return globalForMetrics.hibachiMetrics;
}

/**
 * The route a request matched, as a metrics label: each dynamic segment named by its
 * parameter (/api/bookings/HB-7K3P9Q/cancel → /api/bookings/:reference/cancel), a catch-all's
 * segments as one `:name*`. There are as many labels as routes, whatever paths clients send
 * (a label per path would let anyone grow the registry without bound).
 */
export function routeLabel(path: string, params: Record<string, unknown> = {}): string {
  let segments = path.split('/');
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value))
      segments = [...segments.slice(0, Math.max(1, segments.length - value.length)), `:${name}*`];
    else if (typeof value === 'string') names.set(value, `:${name}`);
  }
  return segments.map((segment) => names.get(decodeSegment(segment)) ?? segment).join('/');
}

export function recordRequest(
  request: { method: string; path: string; params?: Record<string, unknown> },
  status: number,
  seconds: number,
): void {
  const metrics = getMetrics();
  const { method } = request;
  const route = routeLabel(request.path, request.params);
  metrics.requests.inc({ method, route, status: String(status) });
  metrics.duration.observe({ method, route }, seconds);
}
