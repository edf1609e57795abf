import { expect, test } from '@playwright/test';

test.describe('admin app', () => {
  test('sends visitors to the sign-in page, which says sign-in is not live yet', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Sign-in is not available yet');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await expect(page.getByLabel('E-mail')).toBeVisible();
  });

  test('health endpoints answer', async ({ request }) => {
    expect((await request.get('/api/health/live')).status()).toBe(200);
    const ready = await request.get('/api/health/ready');
    expect(ready.status()).toBe(200);
    expect(ready.headers()['x-request-id']).toBeTruthy();
  });

  test('GET /api/metrics serves Prometheus text', async ({ request }) => {
    const response = await request.get('/api/metrics');
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('process_cpu_seconds_total');
  });
});
