import { request as playwrightRequest } from '@playwright/test';
import { addressFor, expect, test } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';
import { apiAs, manager, signIn, SUPER_ADMIN } from './admin-fixtures';

// Anchorage is no other spec's station: its prices can change here.
const STATION = 'anchorage';
const SETTINGS = `/api/admin/stations/${STATION}/settings`;

/** The customer app's quote for ten adults at the station, as the booking page asks for it. */
async function customerQuote(): Promise<{ depositCents: number }> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`quote:${Math.random()}`) },
  });
  const response = await customer.post('/api/quotes', {
    data: { station: STATION, adults: 10, children: 0, durationMinutes: 120 },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { data } = (await response.json()) as { data: { depositCents: number } };
  await customer.dispose();
  return data;
}

test.describe('station settings', () => {
  test('a manager changes the deposit and the customer quote asks for the new one', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    await page.goto('/settings');
    await expect(page.getByRole('heading', { name: /^Settings · / })).toBeVisible();
    const deposit = page.getByLabel('Deposit', { exact: true });
    const current = Number(await deposit.inputValue());
    const next = current >= 150 ? 100 : current + 25;
    await deposit.fill(next.toFixed(2));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect((await customerQuote()).depositCents).toBe(next * 100);

    // After a reload the form shows what was saved.
    await page.reload();
    await expect(page.getByLabel('Deposit', { exact: true })).toHaveValue(next.toFixed(2));
  });

  test('the form refuses a deposit above the minimum in the browser, next to the field', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    await page.goto('/settings');
    const minimum = Number(await page.getByLabel('Event minimum').inputValue());
    await page.getByLabel('Deposit', { exact: true }).fill(String(minimum + 1));
    await page.getByLabel('Per adult').fill('twelve');
    let sent = false;
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith(SETTINGS)) sent = true;
    });
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The message is read with the field (aria-describedby), and focus moves to it.
    await expect(page.getByLabel('Per adult')).toHaveAccessibleDescription('Enter an amount');
    await expect(page.getByLabel('Per adult')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Per adult')).toBeFocused();
    // The deposit rule is checked once every field reads right.
    await page.getByLabel('Per adult').fill('60');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel('Deposit', { exact: true })).toHaveAccessibleDescription(
      'Not more than the event minimum. The deposit cannot be more than the event minimum',
    );
    expect(sent).toBe(false);
  });

  test('a form opened before someone else saved answers 409 and offers to reload', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    await page.goto('/settings');
    await expect(page.getByLabel('Travel buffer (minutes)')).toBeVisible();
    // Meanwhile the super admin saves a change.
    const admin = await apiAs(`http://localhost:${ADMIN_PORT}`, SUPER_ADMIN);
    const { data } = (await (await admin.get(SETTINGS)).json()) as {
      data: { settings: Record<string, unknown>; version: number };
    };
    const name = `Anchorage ${Date.now() % 1000}`;
    const saved = await admin.put(SETTINGS, {
      data: { ...data.settings, name, version: data.version },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    await admin.dispose();

    await page.getByLabel('Travel buffer (minutes)').fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Someone else saved these settings')).toBeVisible();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByLabel('Name')).toHaveValue(name);
  });

  test('staff do not see settings; a manager cannot open another station', async ({ page }) => {
    await signIn(page, manager(STATION));
    await page.goto('/settings?station=new-york');
    await expect(page.getByRole('heading', { name: /not found/i })).toBeVisible();
    const other = await page.request.get('/api/admin/stations/new-york/settings');
    expect(other.status()).toBe(404);
    await page.request.delete('/api/session');
    await signIn(page, `staff@${STATION}.demo.hibachi.test`);
    await page.goto('/bookings');
    await expect(page.getByRole('navigation', { name: 'Main' })).not.toContainText('Settings');
    expect((await page.request.get(SETTINGS)).status()).toBe(403);
  });
});
