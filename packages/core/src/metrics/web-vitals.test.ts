import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { resetRateLimit } from '../rate-limit';
import { getMetrics } from './registry';
import { recordWebVitals } from './web-vitals';
import { pageRouteTemplate } from './web-vitals.schema';

const metricsText = () => getMetrics().registry.metrics();

async function refusal(input: unknown, app: 'customer' | 'admin' = 'customer') {
  const error = await recordWebVitals({ app, input, address: '203.0.113.70' }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('web vitals', () => {
  it('turns a path into its route template with the route params', () => {
    expect(pageRouteTemplate('/book/seattle', { station: 'seattle' })).toBe('/book/[station]');
    expect(pageRouteTemplate('/pay/HB-7K3P9Q/return', { reference: 'HB-7K3P9Q' })).toBe(
      '/pay/[reference]/return',
    );
    expect(pageRouteTemplate('/locations/new%20york', { slug: 'new york' })).toBe(
      '/locations/[slug]',
    );
    expect(pageRouteTemplate('/', {})).toBe('/');
    expect(pageRouteTemplate('/bookings', {})).toBe('/bookings');
  });

  it('observes each vital in its histogram under the route, in seconds (CLS as is)', async () => {
    await resetRateLimit('webVitals', 'ip:203.0.113.71');
    const answer = await recordWebVitals({
      app: 'customer',
      address: '203.0.113.71',
      input: {
        route: '/locations/[slug]',
        vitals: [
          { name: 'LCP', value: 1800 },
          { name: 'CLS', value: 0.02 },
          { name: 'TTFB', value: 120 },
          { name: 'INP', value: 64 },
        ],
      },
    });
    expect(answer).toEqual({ recorded: 4 });
    const text = await metricsText();
    expect(text).toContain('web_vitals_lcp_seconds_bucket{le="2",route="/locations/[slug]"} 1');
    expect(text).toContain('web_vitals_lcp_seconds_bucket{le="1.5",route="/locations/[slug]"} 0');
    expect(text).toContain('web_vitals_cls_bucket{le="0.05",route="/locations/[slug]"} 1');
    expect(text).toContain('web_vitals_ttfb_seconds_sum{route="/locations/[slug]"} 0.12');
    expect(text).toContain('web_vitals_inp_seconds_count{route="/locations/[slug]"} 1');
  });

  it("refuses a route that is not one of the app's pages, so labels stay bounded", async () => {
    const vitals = [{ name: 'LCP', value: 900 }];
    expect((await refusal({ route: '/book/seattle', vitals })).details).toEqual({
      route: ['Not a page of this site'],
    });
    // The admin's pages are not the customer site's, and the other way round.
    expect((await refusal({ route: '/dashboard', vitals })).code).toBe('VALIDATION_FAILED');
    expect((await refusal({ route: '/book/[station]', vitals }, 'admin')).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(await metricsText()).not.toContain('route="/book/seattle"');
  });

  it('refuses values out of range, unknown vitals and fields, and too many at once', async () => {
    const route = '/manage';
    expect(
      (await refusal({ route, vitals: [{ name: 'CLS', value: 1000 }] })).details,
    ).toMatchObject({ 'vitals.0.value': ['Value out of range for this metric'] });
    expect((await refusal({ route, vitals: [{ name: 'LCP', value: -1 }] })).details).toHaveProperty(
      'vitals.0.value',
    );
    expect((await refusal({ route, vitals: [{ name: 'FID', value: 10 }] })).details).toHaveProperty(
      'vitals.0.name',
    );
    expect(
      (await refusal({ route, vitals: [{ name: 'LCP', value: 10, path: '/manage?email=x' }] }))
        .details,
    ).toEqual({ 'vitals.0.path': ['Unknown field'] });
    const many = Array.from({ length: 9 }, () => ({ name: 'CLS', value: 0 }));
    expect((await refusal({ route, vitals: many })).details).toHaveProperty('vitals');
    expect((await refusal({ route, vitals: [] })).details).toHaveProperty('vitals');
  });

  it('limits beacons per address', async () => {
    const address = '203.0.113.72';
    await resetRateLimit('webVitals', `ip:${address}`);
    const beacon = { route: '/', vitals: [{ name: 'TTFB', value: 50 }] };
    for (let sent = 0; sent < 60; sent += 1)
      await recordWebVitals({ app: 'admin', input: beacon, address });
    const limited = await recordWebVitals({ app: 'admin', input: beacon, address }).catch(
      (caught: unknown) => caught,
    );
    expect((limited as AppError).code).toBe('RATE_LIMITED');
  });
});
