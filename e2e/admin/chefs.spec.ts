import { request as playwrightRequest } from '@playwright/test';
import { addressFor, dateIn, expect, test } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { manager, signIn } from './admin-fixtures';

// Honolulu is no other spec's station: its roster can change here.
const STATION = 'honolulu';

/** How many chefs the customer app offers at each start time of a day, as the date picker asks. */
async function freeChefs(date: string): Promise<Map<string, number>> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`free:${Math.random()}`) },
  });
  const response = await customer.get(`/api/availability?station=${STATION}&date=${date}`);
  expect(response.status(), await response.text()).toBe(200);
  const { data } = (await response.json()) as {
    data: { slots: { time: string; available: number }[] };
  };
  await customer.dispose();
  return new Map(data.slots.map((slot) => [slot.time, slot.available]));
}

test.describe('chef roster', () => {
  test('a manager adds a chef and the customer sees one more free chef at every time; deactivating takes them away', async ({
    page,
  }) => {
    const date = dateIn('Pacific/Honolulu', 20);
    const before = await freeChefs(date);
    expect(before.size).toBeGreaterThan(0);

    await signIn(page, manager(STATION));
    await page.goto('/settings');
    const roster = page.getByRole('region', { name: 'Chefs' });
    const name = `Chef Test ${Date.now() % 100_000}`;
    await roster.getByLabel('New chef').fill(name);
    await roster.getByRole('button', { name: 'Add chef' }).click();
    await expect(roster.getByRole('row').filter({ hasText: name })).toContainText('Active');

    const after = await freeChefs(date);
    for (const [time, free] of before) expect(after.get(time), time).toBe(free + 1);

    // Rename, then deactivate (no bookings yet: nothing to move).
    await roster.getByRole('button', { name: `Edit ${name}` }).click();
    await roster.getByLabel('Name').fill(`${name} Jr`);
    await roster.getByRole('button', { name: 'Save' }).click();
    await expect(roster.getByRole('row').filter({ hasText: `${name} Jr` })).toBeVisible();
    await roster.getByRole('button', { name: `Deactivate ${name} Jr` }).click();
    const dialog = page.getByRole('dialog', { name: `Deactivate ${name} Jr` });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(roster.getByRole('status')).toContainText(`${name} Jr is off the roster.`);
    await expect(roster.getByRole('row').filter({ hasText: `${name} Jr` })).toContainText(
      'Inactive',
    );
    expect(await freeChefs(date)).toEqual(before);
  });

  test('an empty name is refused next to the field without a request', async ({ page }) => {
    await signIn(page, manager(STATION));
    await page.goto('/settings');
    let sent = false;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/chefs')) sent = true;
    });
    const roster = page.getByRole('region', { name: 'Chefs' });
    await roster.getByRole('button', { name: 'Add chef' }).click();
    await expect(roster.getByLabel('New chef')).toHaveAccessibleDescription('Enter a name');
    await expect(roster.getByLabel('New chef')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toBe(false);
  });
});
