import { request as playwrightRequest } from '@playwright/test';
import { addressFor, expect, test } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { signIn, SUPER_ADMIN } from './admin-fixtures';

/** The station addresses customers are offered. */
async function customerStations(): Promise<string[]> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`stations:${Math.random()}`) },
  });
  const response = await customer.get('/api/stations');
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { slug: string }[] };
  await customer.dispose();
  return data.map((station) => station.slug);
}

test.describe('stations', () => {
  test('the super admin adds a station (closed), gives it a chef, opens it for customers and closes it again', async ({
    page,
  }) => {
    const suffix = Date.now() % 1_000_000;
    const name = `Test Bay ${suffix}`;
    const slug = `test-bay-${suffix}`;
    await signIn(page, SUPER_ADMIN);
    await page.goto('/stations');
    const form = page.getByRole('form', { name: 'Add a station' });
    // The browser checks the address with the API's schema before sending.
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Address').fill('Test Bay!');
    await form.getByRole('button', { name: 'Add station' }).click();
    await expect(form.getByLabel('Address')).toHaveAccessibleDescription(/Lower-case letters/);
    await form.getByLabel('Address').fill(slug);
    await form.getByLabel('Time zone').selectOption('America/Los_Angeles');
    await form.getByRole('button', { name: 'Add station' }).click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Closed');
    await expect(row).toContainText('America/Los Angeles');
    expect(await customerStations()).not.toContain(slug);

    // No chef yet: opening is refused with the reason.
    await page.getByRole('button', { name: `Open ${name}` }).click();
    await expect(page.locator('p[role="alert"]')).toContainText('has no active chef yet');

    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: `Settings · ${name}` })).toBeVisible();
    const roster = page.getByRole('region', { name: 'Chefs' });
    await roster.getByLabel('New chef').fill('Chef Opening');
    await roster.getByRole('button', { name: 'Add chef' }).click();
    await expect(roster.getByRole('row').filter({ hasText: 'Chef Opening' })).toContainText(
      'Active',
    );

    await page.goto('/stations');
    await page.getByRole('button', { name: `Open ${name}` }).click();
    await expect(page.getByRole('status').first()).toContainText(`${name} is open`);
    await expect(row).toContainText('Open');
    expect(await customerStations()).toContain(slug);

    await page.getByRole('button', { name: `Close ${name}` }).click();
    await expect(page.getByRole('status').first()).toContainText(`${name} is closed`);
    await expect(row).toContainText('Closed');
    expect(await customerStations()).not.toContain(slug);
  });

  test('a station with upcoming bookings cannot close: the count is said and it stays open', async ({
    page,
  }) => {
    await signIn(page, SUPER_ADMIN);
    await page.goto('/stations');
    await page.getByRole('button', { name: 'Close New York' }).click();
    await expect(page.locator('p[role="alert"]')).toContainText(
      /New York has \d+ upcoming bookings?: move or cancel/,
    );
    await expect(page.getByRole('row', { name: /^New York / })).toContainText('Open');
    expect(await customerStations()).toContain('new-york');
  });
});
