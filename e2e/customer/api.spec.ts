import { expect, test } from '../fixtures';

test.describe('customer API', () => {
  test('GET /api/stations answers the envelope with a request id', async ({ request }) => {
    const response = await request.get('/api/stations');
    expect(response.status()).toBe(200);
    expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as {
      data: {
        slug: string;
        pricing: { depositCents: number };
        serviceHours: { firstStart: string };
      }[];
    };
    // The ten seeded stations (the admin stations spec opens one of its own for a moment).
    const seeded = body.data.filter((station) => !station.slug.startsWith('test-bay-'));
    expect(seeded).toHaveLength(10);
    expect(body.data.map((station) => station.slug)).toContain('new-york');
    expect(body.data[0]!.serviceHours.firstStart).toBe('11:00');
    expect(Number.isInteger(body.data[0]!.pricing.depositCents)).toBe(true);
  });

  test('GET /api/stations carries an ETag, and a client holding the list gets 304', async ({
    request,
  }) => {
    const first = await request.get('/api/stations');
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get('/api/stations', { headers: { 'If-None-Match': etag! } });
    expect(again.status()).toBe(304);
    expect(again.headers()['etag']).toBe(etag);
    expect(await again.text()).toBe('');
    const stale = await request.get('/api/stations', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status()).toBe(200);
    expect(((await stale.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  });

  test('echoes a valid incoming X-Request-Id', async ({ request }) => {
    const response = await request.get('/api/health/live', {
      headers: { 'X-Request-Id': 'e2e-trace-000001' },
    });
    expect(response.headers()['x-request-id']).toBe('e2e-trace-000001');
  });

  test('unknown API routes answer the 404 envelope', async ({ request }) => {
    const response = await request.post('/api/not-a-route', { data: {} });
    expect(response.status()).toBe(404);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toBe(response.headers()['x-request-id']);
  });

  test('cross-site API mutations are refused; same-site and Origin-less ones pass', async ({
    request,
  }) => {
    const quote = { station: 'chicago', adults: 4, children: 0 };
    const crossSite = await request.post('/api/quotes', {
      headers: { Origin: 'https://evil.example' },
      data: quote,
    });
    expect(crossSite.status()).toBe(403);
    const body = (await crossSite.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.requestId).toBe(crossSite.headers()['x-request-id']);
    const sameSite = await request.post('/api/quotes', {
      headers: { Origin: `http://localhost:${new URL(crossSite.url()).port}` },
      data: quote,
    });
    expect(sameSite.status()).toBe(200);
    expect((await request.post('/api/quotes', { data: quote })).status()).toBe(200);
  });

  test('pages get a request id from the proxy; build assets skip it', async ({ request }) => {
    const page = await request.get('/manage');
    expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const script = await request.get(asset!);
    expect(script.status()).toBe(200);
    expect(script.headers()['x-request-id']).toBeUndefined();
  });

  test('health endpoints answer and pages carry security headers', async ({ request }) => {
    expect((await request.get('/api/health/live')).status()).toBe(200);
    const ready = await request.get('/api/health/ready');
    expect(ready.status()).toBe(200);
    expect(((await ready.json()) as { data: { database: string } }).data.database).toBe('up');
    const page = await request.get('/');
    expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers()['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers()['strict-transport-security']).toContain('max-age=');
    expect(page.headers()['x-request-id']).toBeTruthy();
    const booking = await request.get('/book/chicago');
    expect(booking.headers()['content-security-policy']).toContain("script-src 'self'");
    // API answers: the strict policy of their own, and the common headers (also the
    // conversation stream's, which serve.mjs answers itself: decision 25).
    for (const path of [
      '/api/health/live',
      '/api/stations',
      '/api/nothing-here',
      '/api/conversations/current/events',
    ]) {
      const answer = await request.get(path);
      expect(answer.headers()['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers()['x-content-type-options']).toBe('nosniff');
    }
  });

  test('GET /api/metrics serves Prometheus text with request counters', async ({ request }) => {
    await request.get('/api/stations');
    // Paths a client makes up are counted under their route, never as labels of their own.
    const madeUp = `made-up-${Date.now()}`;
    await request.get(`/api/${madeUp}/deeper`);
    await request.get(`/api/bookings/${madeUp}`);
    const response = await request.get('/api/metrics');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/stations",status="200"\} \d+/,
    );
    expect(text).toContain('nodejs_heap_size_used_bytes');
    expect(text).toMatch(/route="\/api\/:path\*",status="404"/);
    expect(text).toMatch(/route="\/api\/bookings\/:reference",status="\d+"/);
    expect(text).not.toContain(madeUp);
  });
});
