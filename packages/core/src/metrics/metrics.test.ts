import { describe, expect, it } from 'vitest';
import { createRouteHandler, ok } from '../http';
import { metricsHandler } from '../http/metrics-handler';
import { canReadMetrics, routeLabel } from '.';

describe('metrics', () => {
  it('counts requests per route with ids folded and serves Prometheus text', async () => {
    const handler = createRouteHandler(async () => ok({}));
    await handler(new Request('http://localhost/api/bookings/HB-7K3P9Q'));
    await handler(new Request('http://localhost/api/bookings/HB-AAAAAA'));
    const response = await metricsHandler(new Request('http://localhost/api/metrics'));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/bookings/:id",status="200"} 2',
    );
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('folds references, uuids and numbers', () => {
    expect(routeLabel('/api/admin/bookings/5f0c8a4e-0000-4000-8000-000000000001/payments')).toBe(
      '/api/admin/bookings/:id/payments',
    );
    expect(routeLabel('/api/bookings/hb-7k3p9q/cancel')).toBe('/api/bookings/:id/cancel');
  });

  it('requires the bearer token only when one is configured', () => {
    expect(canReadMetrics(null, undefined)).toBe(true);
    expect(canReadMetrics(null, 'a-long-metrics-token')).toBe(false);
    expect(canReadMetrics('Bearer wrong-token-of-len', 'a-long-metrics-token')).toBe(false);
    expect(canReadMetrics('Bearer a-long-metrics-token', 'a-long-metrics-token')).toBe(true);
  });
});
