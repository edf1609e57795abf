import { expect, test } from '../fixtures';
import { DEMO_PASSWORD, manager, signIn, staff } from './admin-fixtures';

test.describe('admin sign-in', () => {
  test('sends visitors to sign-in and back where they were going; a manager sees their station', async ({
    page,
  }) => {
    await page.goto('/bookings?status=CONFIRMED');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings%3Fstatus%3DCONFIRMED$/);
    await page.getByLabel('E-mail').fill(manager('chicago'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/bookings\?status=CONFIRMED$/);
    await expect(page.getByRole('heading', { name: 'Bookings · Chicago' })).toBeVisible();
    await expect(page.getByText('Chicago Manager')).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('CONFIRMED');

    const me = await page.request.get('/api/admin/me');
    expect((await me.json()).data).toMatchObject({ role: 'MANAGER', station: { slug: 'chicago' } });
  });

  test('shows field errors without asking the server, and one message for any refusal', async ({
    page,
  }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
    await expect(page.getByLabel('E-mail')).toBeFocused();

    await page.getByLabel('E-mail').fill('nobody@demo.hibachi.test');
    await page.getByLabel('Password').fill('whatever-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('p[role="alert"]')).toHaveText(
      'E-mail or password is wrong, or the account is locked for a while.',
    );
    await expect(page.locator('p[role="alert"]')).toBeFocused();
  });

  test('locks an account after 5 wrong passwords: even the right one is refused, with the same words', async ({
    page,
    request,
  }) => {
    const email = staff('honolulu');
    await page.goto('/sign-in');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('p[role="alert"]')).toContainText('E-mail or password is wrong');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('p[role="alert"]')).toHaveText(
      'E-mail or password is wrong, or the account is locked for a while.',
    );
    await expect(page).toHaveURL(/\/sign-in/);

    // Locked, wrong password and unknown account answer alike.
    const bodies = await Promise.all(
      [
        { email, password: DEMO_PASSWORD },
        { email: staff('miami'), password: 'not-it-at-all' },
        { email: 'nobody@demo.hibachi.test', password: DEMO_PASSWORD },
      ].map(async (data) => {
        const response = await request.post('/api/session', { data });
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        return [response.status(), error.code, error.message];
      }),
    );
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toEqual([
      401,
      'UNAUTHENTICATED',
      expect.stringContaining('locked for a while'),
    ]);
  });

  test('limits attempts per address: 429 with Retry-After, and the form counts down', async ({
    page,
  }) => {
    for (let attempt = 0; attempt < 10; attempt += 1)
      await page.request.post('/api/session', {
        data: { email: `guess${attempt}@demo.hibachi.test`, password: 'guessing-123' },
      });
    const limited = await page.request.post('/api/session', {
      data: { email: 'guess@demo.hibachi.test', password: 'guessing-123' },
    });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);

    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(manager('miami'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('p[role="alert"]')).toContainText(/You can try again in \d+ s/);
    await expect(page.getByRole('button', { name: /^Wait \d+ s$/ })).toBeDisabled();
  });

  test('signing out sends every page back to sign-in', async ({ page }) => {
    await signIn(page, manager('seattle'));
    await page.goto('/bookings');
    await expect(page.getByRole('heading', { name: 'Bookings · Seattle' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/outbox');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Foutbox$/);
    expect((await page.request.get('/api/admin/me')).status()).toBe(401);
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
