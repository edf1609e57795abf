import { formatMoney, US_DOLLARS } from '@hibachi/core/money/format-money';
import { expect, test } from '../fixtures';
import { ADMIN_PORT } from '../ports';
import { apiAs, heldBooking, manager, signIn, staff, SUPER_ADMIN } from './admin-fixtures';

const BASE = `http://localhost:${ADMIN_PORT}`;

test.describe('bookings workspace', () => {
  test('a manager sees only their station, finds a booking by reference, takes a cash payment and cancels with a refund', async ({
    page,
  }) => {
    await signIn(page, manager('chicago'));
    const rows = await page.request.get('/api/admin/bookings?limit=100');
    const items = (await rows.json()).data.items as { station: { slug: string } }[];
    expect(items.length).toBeGreaterThan(10);
    expect(new Set(items.map((item) => item.station.slug))).toEqual(new Set(['chicago']));

    const booking = await heldBooking(page.request, 'chicago', 'America/Chicago');
    await page.goto('/bookings');
    await page.getByLabel('Search').fill(booking.reference);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${booking.reference}`));
    await expect(page.getByRole('row')).toHaveCount(2);
    await page.getByRole('link', { name: booking.reference }).click();

    await expect(page.getByRole('heading', { name: new RegExp(booking.reference) })).toBeVisible();
    await expect(page.getByText('Awaiting deposit')).toBeVisible();
    const balance = page.getByTestId('balance-due');
    const total = (await balance.textContent())!;

    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Amount (USD)').fill('150');
    await page.getByLabel('Method').selectOption('CASH');
    await page.getByLabel('Note (optional)').fill('Paid at the door');
    await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Payment recorded' })).toBeVisible();
    await expect(balance).not.toHaveText(total);
    const dollars = (text: string) => Number(text.replace(/[$,]/g, ''));
    expect(dollars((await balance.textContent())!)).toBe(dollars(total) - 150);
    await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: /Paid at the door/ })).toBeVisible();

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByLabel(/Reason/).fill('Customer moved the party abroad');
    await page.getByLabel(/Refund everything/).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel booking' }).click();
    // The $150 was the deposit and part of the balance: named so, and who gives it back.
    const { depositCents } = (
      (await (await page.request.get(`/api/admin/bookings/${booking.id}`)).json()) as {
        data: { depositCents: number };
      }
    ).data;
    const deposit = formatMoney(depositCents, US_DOLLARS);
    const rest = formatMoney(15_000 - depositCents, US_DOLLARS);
    await expect(page.getByRole('status').filter({ hasText: 'Booking cancelled' })).toHaveText(
      `Booking cancelled. Refunding the ${deposit} deposit and ${rest} of the balance ($150): hand back $150 paid in cash.`,
    );
    await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText('Cancelled', { exact: true })).toBeVisible();
    await expect(history.getByText('Reason: Customer moved the party abroad')).toBeVisible();
    await expect(history.getByText('by Chicago Manager').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);

    // The cancellation e-mail is in the outbox, with its text.
    await page.getByRole('link', { name: 'Outbox' }).click();
    const email = page
      .getByRole('listitem')
      .filter({ hasText: `${booking.reference} is cancelled` });
    await expect(email).toBeVisible();
    await email.getByText('Show the e-mail').click();
    await expect(
      email.getByText(
        `Everything you paid is refunded: your ${deposit} deposit and ${rest} paid towards the balance ($150 in all). We will hand back the $150 you paid in cash.`,
      ),
    ).toBeVisible();
  });

  test('STAFF can record payments but see no cancel button, and the API refuses them', async ({
    page,
  }) => {
    const managerApi = await apiAs(BASE, manager('miami'));
    const booking = await heldBooking(managerApi, 'miami', 'America/New_York');
    await signIn(page, staff('miami'));
    await page.goto(`/bookings/${booking.id}`);
    await expect(page.getByRole('button', { name: 'Record payment' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Outbox' })).toHaveCount(0);
    const refused = await page.request.post(`/api/admin/bookings/${booking.id}/cancel`, {
      data: { reason: 'Not allowed to', refund: false },
    });
    expect(refused.status()).toBe(403);
    await managerApi.dispose();
  });

  test('a super admin sees every station and switches to one, kept in the URL', async ({
    page,
  }) => {
    await signIn(page, SUPER_ADMIN);
    await page.goto('/bookings');
    await expect(page.getByRole('columnheader', { name: 'Station' })).toBeVisible();
    await page.getByLabel('Station').selectOption('phoenix');
    await expect(page).toHaveURL(/\/bookings\?station=phoenix$/);
    await expect(page.getByRole('columnheader', { name: 'Station' })).toHaveCount(0);
    const phoenix = (
      await (await page.request.get('/api/admin/bookings?station=phoenix&limit=1')).json()
    ).data.items[0].reference as string;
    await expect(page.getByRole('link', { name: /^HB-/ }).first()).toHaveText(phoenix);
    await page.getByRole('link', { name: 'Outbox' }).click();
    await expect(page).toHaveURL(/\/outbox\?station=phoenix$/);
  });

  test('the list loads more by cursor and moves between rows with the arrow keys', async ({
    page,
  }) => {
    await signIn(page, manager('london'));
    await page.goto('/bookings');
    const links = page.getByRole('link', { name: /^HB-/ });
    await expect(links).toHaveCount(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(links).toHaveCount(50);
    const texts = await links.allTextContents();
    expect(new Set(texts).size).toBe(50);
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search')).toBeFocused();
  });

  test('notes save with the version and show in the history; forms answer bad input before any request', async ({
    page,
  }) => {
    await signIn(page, manager('chicago'));
    const booking = await heldBooking(page.request, 'chicago', 'America/Chicago');
    await page.goto(`/bookings/${booking.id}`);

    const notes = page.getByLabel('Staff notes');
    await notes.fill('Gate code 4411, bring the long table');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect(page.getByText('Notes saved.')).toBeVisible();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText('Notes changed')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Staff notes')).toHaveValue(
      'Gate code 4411, bring the long table',
    );

    // The payment form is checked with the API's schema in the browser: no request is sent.
    const writes: string[] = [];
    page.on('request', (request) => {
      // (the app's own API: the browser's Sentry SDK may post a session envelope meanwhile)
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/admin/'))
        writes.push(request.url());
    });
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByLabel('Amount (USD)').fill('twelve');
    await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByRole('dialog').getByText('Enter the amount in cents')).toBeVisible();
    await page.getByLabel('Amount (USD)').fill('-5');
    await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByRole('dialog').getByText('Enter an amount above zero')).toBeVisible();
    expect(writes).toEqual([]);
  });
});
