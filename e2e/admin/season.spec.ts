import { request as playwrightRequest } from '@playwright/test';
import ICAL from 'ical.js';
import { dateIn, expect, test } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { manager, signIn } from './admin-fixtures';

const STATION = 'miami';
const TZ = 'America/New_York';
const CUSTOMER = `http://localhost:${CUSTOMER_PORT}`;

/** What customers are offered at 18:00 on a date: how many chefs are free. */
async function freeAt(date: string): Promise<number | undefined> {
  const customer = await playwrightRequest.newContext({ baseURL: CUSTOMER });
  try {
    const response = await customer.get(
      `/api/availability?station=${STATION}&date=${date}&duration=120`,
    );
    const { data } = (await response.json()) as {
      data: { slots: { time: string; available: number }[] };
    };
    return data.slots.find((slot) => slot.time === '18:00')?.available;
  } finally {
    await customer.dispose();
  }
}

test.describe('a season: time off and closed dates', () => {
  test('a manager gives a new chef a week off: customers see one chef fewer on those days only', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    const name = `Season Chef ${Date.now().toString(36)}`;
    const created = await page.request.post(`/api/admin/stations/${STATION}/chefs`, {
      data: { name, color: '#0f766e' },
    });
    expect(created.status(), await created.text()).toBe(201);
    // Far ahead, where no other test books.
    const first = dateIn(TZ, 300);
    const last = dateIn(TZ, 306);
    const after = dateIn(TZ, 307);
    const before = { first: await freeAt(first), after: await freeAt(after) };

    await page.goto('/season');
    const form = page.getByRole('form', { name: 'Add time off' });
    await form.getByLabel('Chef', { exact: true }).selectOption({ label: name });
    await form.getByLabel('First day').fill(first);
    await form.getByLabel('Last day').fill(last);
    await form.getByLabel('Note (optional)').fill('Week off');
    await form.getByRole('button', { name: 'Add time off' }).click();
    await expect(form.getByRole('status')).toHaveText(`Time off added for ${name}.`);
    await expect(
      page.getByTestId('time-off-entry').filter({ hasText: name }).filter({ hasText: 'Week off' }),
    ).toBeVisible();

    expect(await freeAt(first)).toBe(before.first! - 1);
    expect(await freeAt(last)).toBe(before.first! - 1);
    expect(await freeAt(after)).toBe(before.after);

    // Removed: the chef is offered again.
    await page
      .getByTestId('time-off-entry')
      .filter({ hasText: name })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(page.getByTestId('time-off-entry').filter({ hasText: name })).toHaveCount(0);
    expect(await freeAt(first)).toBe(before.first);
  });

  test('a closed date shows as closed in the customer date picker and cannot be booked', async ({
    page,
    browser,
  }) => {
    await signIn(page, manager(STATION));
    const closed = dateIn(TZ, 17);
    await page.goto('/season');
    const form = page.getByRole('form', { name: 'Close a date or change its hours' });
    await form.getByLabel('Date').fill(closed);
    await form.getByLabel('Note (optional, customers see it)').fill('Staff party');
    await form.getByRole('button', { name: 'Save the date' }).click();
    await expect(page.getByTestId('station-date').filter({ hasText: 'Staff party' })).toBeVisible();

    const customer = await browser.newPage({ baseURL: CUSTOMER });
    try {
      await customer.goto(`/book/${STATION}`);
      const noon = new Date(`${closed}T12:00:00Z`);
      const month = noon.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
      const day = customer.getByRole('group', { name: 'Dates' }).getByRole('button', {
        name: new RegExp(`${month}\\w* ${noon.getUTCDate()}\\b.*: we are closed that day`),
      });
      await expect(day).toHaveCount(1);
      await expect(day).toBeDisabled();
      await expect(day).toContainText('Closed');
      const refused = await customer.request.post('/api/bookings', {
        data: {
          station: STATION,
          date: closed,
          time: '18:00',
          durationMinutes: 120,
          adults: 4,
          children: 0,
          customer: {
            name: 'Closed Day',
            email: `closed-${Date.now()}@example.com`,
            phone: '+1 555 010 9999',
          },
          address: { line1: '1 Ocean Dr', city: 'Miami', postalCode: '33139' },
        },
      });
      expect(refused.status()).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { details: { date: [expect.stringContaining('Staff party')] } },
      });
    } finally {
      await customer.close();
      // Leave the date as it was for the other tests.
      await page.request.delete(`/api/admin/stations/${STATION}/dates/${closed}`);
    }
  });

  test("a chef's calendar feed parses, and stops working once a new one is made", async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    const chefs = (await (
      await page.request.get(`/api/admin/stations/${STATION}/chefs`)
    ).json()) as {
      data: { id: string; name: string; active: boolean; futureBookings: number }[];
    };
    const busiest = [...chefs.data]
      .filter((chef) => chef.active)
      .sort((a, b) => b.futureBookings - a.futureBookings)[0]!;
    await page.goto('/settings');
    await page.getByRole('button', { name: `New calendar feed for ${busiest.name}` }).click();
    const url = await page.getByLabel(`${busiest.name}'s feed URL`).inputValue();
    expect(url).toMatch(/\/api\/feeds\/chef\/[A-Za-z0-9_-]{43}\.ics$/);

    const subscriber = await playwrightRequest.newContext();
    try {
      const feed = await subscriber.get(url);
      expect(feed.status()).toBe(200);
      expect(feed.headers()['content-type']).toContain('text/calendar');
      const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        expect(String(event.getFirstPropertyValue('uid'))).toMatch(
          /^booking-[0-9a-f-]{36}@hibachi-at-home$/,
        );
        expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(TZ);
      }
      // A refresh gives the same events (stable UIDs).
      const again = new ICAL.Component(ICAL.parse(await (await subscriber.get(url)).text()));
      expect(
        again.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('uid')),
      ).toEqual(events.map((event) => event.getFirstPropertyValue('uid')));

      await page.getByRole('button', { name: `New calendar feed for ${busiest.name}` }).click();
      await expect(page.getByLabel(`${busiest.name}'s feed URL`)).not.toHaveValue(url);
      expect((await subscriber.get(url)).status()).toBe(404);
    } finally {
      await subscriber.dispose();
    }
  });
});
