import { describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { bookingInput, resetStation } from '../../test/booking-fixtures';
import { createBooking } from '../bookings';
import { createRouteHandler, ok } from '../http';
import { metricsHandler } from '../http/metrics-handler';
import { consumeRateLimit } from '../rate-limit';
import { canReadMetrics, routeLabel } from '.';

describe('metrics', () => {
  it('counts requests per route (not per path) and serves Prometheus text', async () => {
    const handler = createRouteHandler<{ reference: string }>(async () => ok({}));
    for (const reference of ['HB-7K3P9Q', 'HB-AAAAAA', 'anything a client sends'])
      await handler(new Request(`http://localhost/api/bookings/${encodeURIComponent(reference)}`), {
        params: Promise.resolve({ reference }),
      });
    const response = await metricsHandler(new Request('http://localhost/api/metrics'));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/bookings/:reference",status="200"} 3',
    );
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toContain('process_cpu_seconds_total');
    // Each breaker's state, closed until its service fails.
    for (const breaker of ['redis', 'smtp', 'stripe'])
      expect(text).toContain(`hibachi_circuit_breaker_open{breaker="${breaker}"} 0`);
    // What operators alert on, read from the database at the scrape.
    expect(text).toMatch(/^hibachi_ready 1$/m);
    expect(text).toMatch(/^hibachi_outbox_pending_messages \d+$/m);
    expect(text).toMatch(/^hibachi_refunds_owed_oldest_age_seconds [\d.]+$/m);
    expect(text).toMatch(/^hibachi_holds_expired_unpaid_last_hour \d+$/m);
  });

  it('shows where a booking write spends its time, step by step, and its rate-limit check', async () => {
    const client = await connect();
    try {
      await resetStation(client, 1);
      await consumeRateLimit('bookingCreate', 'ip:198.51.100.7');
      expect((await createBooking({ input: bookingInput() })).status).toBe(201);
    } finally {
      await client.end();
    }
    const text = await (await metricsHandler(new Request('http://localhost/api/metrics'))).text();
    for (const step of ['validate', 'station', 'window', 'prepare', 'statement'])
      expect(text).toMatch(
        new RegExp(`^hibachi_booking_write_seconds_count\\{step="${step}"\\} 1$`, 'm'),
      );
    expect(text).toMatch(/^hibachi_rate_limit_seconds_count\{category="bookingCreate"\} 1$/m);
  });

  it('names dynamic segments by their parameter, and a catch-all as one', () => {
    expect(
      routeLabel('/api/admin/bookings/5f0c8a4e-0000-4000-8000-000000000001/payments', {
        id: '5f0c8a4e-0000-4000-8000-000000000001',
      }),
    ).toBe('/api/admin/bookings/:id/payments');
    expect(routeLabel('/api/bookings/a%20b/cancel', { reference: 'a b' })).toBe(
      '/api/bookings/:reference/cancel',
    );
    expect(routeLabel('/api/no/such/thing', { path: ['no', 'such', 'thing'] })).toBe('/api/:path*');
    expect(routeLabel('/api/stations')).toBe('/api/stations');
  });

  it('requires the bearer token only when one is configured', () => {
    expect(canReadMetrics(null, undefined)).toBe(true);
    expect(canReadMetrics(null, 'a-long-metrics-token')).toBe(false);
    expect(canReadMetrics('Bearer wrong-token-of-len', 'a-long-metrics-token')).toBe(false);
    expect(canReadMetrics('Bearer a-long-metrics-token', 'a-long-metrics-token')).toBe(true);
  });
});
