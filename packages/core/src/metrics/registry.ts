import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

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
  }
  return globalForMetrics.hibachiMetrics;
}

/** Path → route label with ids folded, so labels stay few: /api/bookings/HB-7K3P9Q/cancel → /api/bookings/:id/cancel. */
export function routeLabel(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      /^HB-[A-Z0-9]{6}$/i.test(segment) || /^[0-9a-f-]{36}$/i.test(segment) || /^\d+$/.test(segment)
        ? ':id'
        : segment,
    )
    .join('/');
}

export function recordRequest(method: string, path: string, status: number, seconds: number): void {
  const metrics = getMetrics();
  const route = routeLabel(path);
  metrics.requests.inc({ method, route, status: String(status) });
  metrics.duration.observe({ method, route }, seconds);
}
