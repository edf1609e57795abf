import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { addressFor, bookOpenSlot, expect, test } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { heldBooking, manager, signIn, staff, SUPER_ADMIN } from './admin-fixtures';

// Los Angeles is no other spec's station: its menu can change here.
const STATION = 'los-angeles';
const ZONE = 'America/Los_Angeles';

type PublicItem = { id: string; name: string; kind: string; priceCents: number };

async function customerApi(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`menu-admin:${Math.random()}`) },
  });
}

async function publicMenu(customer: APIRequestContext): Promise<PublicItem[]> {
  const response = await customer.get(`/api/stations/${STATION}/menu`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: { items: PublicItem[] } }).data.items;
}

const named = (items: PublicItem[], name: string) => {
  const item = items.find((candidate) => candidate.name === name);
  expect(item, name).toBeDefined();
  return item!;
};

test.describe('menu in the admin', () => {
  test('the prep sheet shows a booking’s counts, marks the menu open and adds them to the shopping list', async ({
    page,
  }) => {
    const customer = await customerApi();
    const items = await publicMenu(customer);
    const chicken = named(items, 'Chicken');
    const steak = named(items, 'NY strip steak');
    const gyoza = named(items, 'Gyoza platter');
    // Three weeks out: before the lock, so the sheet says until when it may change.
    const { response } = await bookOpenSlot(customer, STATION, ZONE, 21, {
      adults: 4,
      children: 0,
      menu: [
        { itemId: chicken.id, quantity: 5 },
        { itemId: steak.id, quantity: 3 },
        { itemId: gyoza.id, quantity: 1 },
      ],
    });
    expect(response.status(), await response.text()).toBe(201);
    const { reference, depositCents, date } = (
      (await response.json()) as { data: { reference: string; depositCents: number; date: string } }
    ).data;
    await customer.dispose();

    // The sheet lists the events being cooked for: the deposit paid (cash) confirms this one.
    await signIn(page, staff(STATION));
    const found = (await (await page.request.get(`/api/admin/bookings?q=${reference}`)).json()) as {
      data: { items: { id: string }[] };
    };
    const paid = await page.request.post(
      `/api/admin/bookings/${found.data.items[0]!.id}/payments`,
      {
        data: { amountCents: depositCents, method: 'CASH' },
        headers: { 'Idempotency-Key': `prep-${reference}` },
      },
    );
    expect(paid.status(), await paid.text()).toBe(201);
    await page.goto(`/prep?date=${date}`);
    await expect(page.getByRole('heading', { name: 'Prep sheet · Los Angeles' })).toBeVisible();
    const card = page.getByTestId('prep-event').filter({ hasText: reference });
    await expect(card).toBeVisible();
    const count = (name: string) =>
      card.getByRole('row').filter({ hasText: name }).locator('.prep-count');
    await expect(count('Chicken')).toHaveText('5');
    await expect(count('NY strip steak')).toHaveText('3');
    await expect(count('Gyoza platter')).toHaveText('1');
    await expect(card.locator('.menu-state')).toContainText('Open until');

    // The shopping list is the day's sum, as the API (and the CSV) count it.
    const sheet = (await (
      await page.request.get(`/api/admin/prep-sheet?date=${date}&station=${STATION}`)
    ).json()) as { data: { totals: { items: { name: string; quantity: number }[] } } };
    const chickenTotal = sheet.data.totals.items.find((item) => item.name === 'Chicken')!.quantity;
    expect(chickenTotal).toBeGreaterThanOrEqual(5);
    await expect(
      page
        .getByRole('region', { name: 'Shopping list' })
        .getByRole('listitem')
        .filter({ hasText: /Chicken$/ })
        .locator('.prep-count'),
    ).toHaveText(String(chickenTotal));
    const csv = await page.request.get(`/api/admin/prep-sheet.csv?date=${date}&station=${STATION}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(reference);

    // The booking page says which e-mails are still to come for the event.
    await page.goto(`/bookings/${found.data.items[0]!.id}`);
    const planned = page.getByRole('list', { name: 'Planned e-mails' });
    await expect(
      planned.getByTestId('planned-message').filter({ hasText: 'Reminder' }),
    ).toContainText('Planned for');
    await expect(planned.getByTestId('planned-message')).toHaveCount(3);
    await page.goto(`/prep?date=${date}`);

    // The next day is another sheet; the URL keeps the day.
    await page.getByRole('button', { name: 'Next day →' }).click();
    await expect(page).not.toHaveURL(new RegExp(`date=${date}`));
    await expect(page.getByTestId('prep-event').filter({ hasText: reference })).toHaveCount(0);
  });

  test('a manager adds an item, customers see it, and taking it off the menu hides it', async ({
    page,
  }) => {
    const name = `Garlic rice ${Math.random().toString(36).slice(2, 7)}`;
    await signIn(page, manager(STATION));
    await page.goto('/settings');
    const editor = page.getByRole('region', { name: 'Menu' });
    await editor.getByText('Add an item').click();
    const form = editor.getByRole('form', { name: 'New menu item' });
    await form.getByLabel('Dish').fill(name);
    await form.getByLabel('Kind').selectOption('EXTRA');
    await form.getByLabel('Price (USD)').fill('6.50');
    await form.getByLabel('Vegetarian').check();
    await form.getByRole('button', { name: 'Add to the menu' }).click();
    await expect(editor.getByRole('status').filter({ hasText: `${name} added.` })).toBeVisible();
    const row = editor.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('$6.50');
    await expect(row).toContainText('Vegetarian');

    const customer = await customerApi();
    expect(named(await publicMenu(customer), name)).toMatchObject({
      kind: 'EXTRA',
      priceCents: 650,
    });

    await row.getByRole('button', { name: `Take off the menu ${name}` }).click();
    await expect(row).toContainText('(off the menu)');
    expect((await publicMenu(customer)).map((item) => item.name)).not.toContain(name);

    // No booking holds it, so it can go for good.
    await row.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(editor.getByRole('status').filter({ hasText: `${name} deleted.` })).toBeVisible();
    await expect(editor.getByRole('row').filter({ hasText: name })).toHaveCount(0);
    await customer.dispose();
  });

  test('staff change the party on the booking page and the total follows', async ({ page }) => {
    await signIn(page, manager(STATION));
    const booking = await heldBooking(page.request, STATION, ZONE);
    await page.goto(`/bookings/${booking.id}`);
    const card = page.getByRole('region', { name: 'Menu' });
    await expect(card.getByText('The customer may change it until')).toBeVisible();
    await expect(card.getByText(/Proteins still to choose/)).toBeVisible();
    const before = (await (await page.request.get(`/api/admin/bookings/${booking.id}`)).json()) as {
      data: {
        totalCents: number;
        adults: number;
        children: number;
        pricing: { adultPriceCents: number; childPriceCents: number; minimumCents: number };
      };
    };

    await card.getByRole('button', { name: 'Change party and menu' }).click();
    const adults = Math.max(before.data.adults + 2, 14);
    await card.getByLabel('Adults').fill(String(adults));
    await card.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Party and menu saved' }),
    ).toBeVisible();

    const after = (await (await page.request.get(`/api/admin/bookings/${booking.id}`)).json()) as {
      data: { totalCents: number; adults: number };
    };
    expect(after.data.adults).toBe(adults);
    // No menu chosen and no travel in Los Angeles: the party's price, topped up to the minimum.
    const { pricing } = before.data;
    expect(after.data.totalCents).toBe(
      Math.max(
        pricing.minimumCents,
        adults * pricing.adultPriceCents + before.data.children * pricing.childPriceCents,
      ),
    );
    expect(after.data.totalCents).toBeGreaterThan(before.data.totalCents);
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText('Menu changed').first()).toBeVisible();
  });

  test('the super admin switches the dashboard between dollars and pounds, never both', async ({
    page,
  }) => {
    await signIn(page, SUPER_ADMIN);
    await page.goto('/');
    const switcher = page.getByRole('group', { name: 'Currency of the figures' });
    await expect(switcher.getByRole('button', { name: 'USD' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const revenue = page
      .getByRole('list', { name: 'Key figures' })
      .getByRole('listitem')
      .filter({ hasText: 'Confirmed revenue' })
      .locator('.kpi-value');
    await expect(revenue).toHaveText(/^\$/);
    await switcher.getByRole('button', { name: 'GBP' }).click();
    await expect(page).toHaveURL(/currency=GBP/);
    await expect(switcher.getByRole('button', { name: 'GBP' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(revenue).toHaveText(/^£/);
    await expect(page.getByRole('figure', { name: 'Menu choices (GBP)' })).toBeVisible();
  });
});
