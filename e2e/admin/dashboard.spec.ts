import { openSealed } from '../sealed-data';
import { database, dateIn, expect, test } from '../fixtures';
import { manager, signIn, staff, SUPER_ADMIN } from './admin-fixtures';

/** Last calendar month in Chicago: the seed (six months back) always has bookings in it. */
function lastMonth(): { from: string; to: string } {
  const [year = 0, month = 1] = dateIn('America/Chicago', 0).split('-').map(Number);
  const day = (monthIndex: number, date: number) =>
    new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10);
  return { from: day(month - 2, 1), to: day(month - 1, 0) };
}

test.describe('dashboard', () => {
  test('a manager lands on KPI cards and charts; another range changes the figures', async ({
    page,
  }) => {
    await signIn(page, manager('chicago'));
    await page.goto('/');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { name: 'Dashboard · Chicago' })).toBeVisible();
    const cards = page.getByRole('list', { name: 'Key figures' });
    const bookings = cards.getByRole('listitem').filter({ hasText: 'Bookings' }).first();
    await expect(bookings.locator('.kpi-value')).toHaveText(/^\d[\d,]*$/);
    await expect(bookings).toContainText('vs previous');
    const last30 = await bookings.locator('.kpi-value').textContent();

    for (const title of ['Bookings and revenue per day', 'Payments per month', 'Payment methods'])
      await expect(page.getByRole('figure', { name: title })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    // Each chart has its numbers as a table too.
    const daily = page.getByRole('figure', { name: 'Bookings and revenue per day' });
    await daily.getByText('Table view').click();
    await expect(daily.getByRole('row')).toHaveCount(31);

    await page.getByRole('button', { name: 'Year to date' }).click();
    await expect(page).toHaveURL(/range=year-to-date/);
    await expect(bookings.locator('.kpi-value')).not.toHaveText(last30!);
    await expect(page.getByRole('button', { name: 'Year to date' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // The same figures straight from the API, for the custom range the URL keeps.
    const { from, to } = lastMonth();
    await page.getByRole('button', { name: 'Custom' }).click();
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`range=custom&from=${from}&to=${to}`));
    const api = await page.request.get(`/api/admin/analytics/bookings?from=${from}&to=${to}`);
    const figures = (await api.json()).data as { bookings: number };
    expect(figures.bookings).toBeGreaterThan(0);
    await expect(bookings.locator('.kpi-value')).toHaveText(
      figures.bookings.toLocaleString('en-US'),
    );
  });

  test('a custom range the API would refuse is refused in the browser with its words', async ({
    page,
  }) => {
    await signIn(page, manager('chicago'));
    const { from, to } = lastMonth();
    await page.goto(`/dashboard?range=custom&from=${from}&to=${to}`);
    // Both periods loaded: from here on, only a new range would ask the API.
    await expect(page.locator('.kpi-card').first()).toContainText('vs previous');
    const analytics: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/admin/analytics/')) analytics.push(request.url());
    });
    await page.getByLabel('From', { exact: true }).fill('2026-03-01');
    await page.getByLabel('To', { exact: true }).fill('2026-02-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription(
      'The end date is before the start date',
    );
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To', { exact: true }).fill('2026-02-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription(
      'Ask for at most two years at a time',
    );
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
    expect(analytics).toEqual([]);
  });

  test("the customer lookup shows a seeded customer's history; CSV downloads with a header row", async ({
    page,
  }) => {
    await signIn(page, manager('chicago'));
    const client = await database();
    const { rows } = await client.query<{ email: string; bookings: number }>(
      `SELECT c.email, count(*)::int AS bookings FROM "Booking" b
         JOIN "Customer" c ON c.id = b."customerId" JOIN "Station" s ON s.id = b."stationId"
        WHERE s.slug = 'chicago' GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
    );
    await client.end();
    // E-mails are sealed at rest: opened with the run's key, as the app would.
    const seeded = openSealed(rows[0]!);
    await page.goto('/dashboard?range=year-to-date');
    await page.getByLabel('E-mail').fill(seeded.email.toUpperCase());
    await page.getByRole('button', { name: 'Look up' }).click();
    const history = page.locator('.customer-history');
    await expect(history).toContainText(seeded.email);
    await expect(history.getByRole('row')).toHaveCount(1 + Math.min(seeded.bookings, 100));
    await expect(history).toContainText('lifetime value');

    await page.getByLabel('E-mail').fill('nobody-here@example.com');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByText('No customer with that e-mail here.')).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export bookings (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^bookings-chicago-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"reference","station","event_date","start_time","status","customer_name","customer_email","adults","children","chef","total_usd","paid_usd","booked_at","currency","total","paid"',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('"Chicago"'))).toBe(true);
  });

  test('STAFF land on the calendar; the API holds every role to its station and refuses bad ranges', async ({
    page,
  }) => {
    await signIn(page, staff('chicago'));
    await page.goto('/');
    await expect(page).toHaveURL(/\/calendar/);
    const own = await page.request.get(
      '/api/admin/analytics/payments?from=2026-01-01&to=2026-03-31',
    );
    expect(own.status()).toBe(200);
    for (const [query, status] of [
      ['from=2026-01-01&to=2026-03-31&station=new-york', 404],
      ['from=2026-03-31&to=2026-01-01', 400],
      ['from=2026-02-30&to=2026-03-01', 400],
      ['from=2020-01-01&to=2026-01-01', 400],
    ] as const) {
      const response = await page.request.get(`/api/admin/analytics/bookings?${query}`);
      expect(response.status(), query).toBe(status);
      expect((await response.json()).error.requestId).toBeTruthy();
    }
  });

  test('the super admin sees every station, and one station by the switcher', async ({ page }) => {
    await signIn(page, SUPER_ADMIN);
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'Dashboard · All stations' })).toBeVisible();
    const { from, to } = lastMonth();
    const bookings = async (station = '') => {
      const url = `/api/admin/analytics/bookings?from=${from}&to=${to}${station}`;
      return (await (await page.request.get(url)).json()).data.bookings as number;
    };
    const one = await bookings('&station=chicago');
    expect(one).toBeGreaterThan(0);
    expect(await bookings()).toBeGreaterThan(one);
    await page.getByRole('banner').getByLabel('Station').selectOption('chicago');
    await expect(page).toHaveURL(/station=chicago/);
    await expect(page.getByRole('heading', { name: 'Dashboard · Chicago' })).toBeVisible();
  });
});
