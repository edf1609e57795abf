import { expect, test } from '@playwright/test';
import { CUSTOMER_NO_DB_PORT } from '../ports';

const base = `http://localhost:${CUSTOMER_NO_DB_PORT}`;
type Envelope = { error: { code: string; message: string; requestId: string } };

test.describe('customer app with an unreachable database', () => {
  test('readiness answers 503 with the envelope while liveness stays up', async ({ request }) => {
    const ready = await request.get(`${base}/api/health/ready`);
    expect(ready.status()).toBe(503);
    const body = (await ready.json()) as Envelope;
    expect(body.error.code).toBe('UNAVAILABLE');
    expect(body.error.requestId).toBe(ready.headers()['x-request-id']);
    expect((await request.get(`${base}/api/health/live`)).status()).toBe(200);
  });

  test('data endpoints answer 503, not 500, and the process keeps serving', async ({
    request,
    page,
  }) => {
    const stations = await request.get(`${base}/api/stations`);
    expect(stations.status()).toBe(503);
    expect(((await stations.json()) as Envelope).error.code).toBe('UNAVAILABLE');

    await page.goto(base);
    // The landing page renders its stations on the server: it says so instead of failing.
    const widgetError = page
      .getByRole('alert')
      .filter({ hasText: 'Locations could not be loaded' });
    await expect(widgetError).toContainText('temporarily unavailable', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect((await request.get(`${base}/api/health/live`)).status()).toBe(200);
  });
});
