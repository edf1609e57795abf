import type { APIRequestContext, Page } from '@playwright/test';
import {
  bookingBody,
  expect,
  openSlot,
  bookHoursAhead,
  test,
  timeLabel,
  uniqueCustomer,
} from '../fixtures';

/** Opens a station's wizard on a date and time and goes on to the details. */
async function openWizard(page: Page, station: string, slot: { date: string; time: string }) {
  await page.goto(`/book/${station}`);
  await page
    .getByRole('group', { name: 'Dates' })
    .getByRole('button', {
      name: new RegExp(
        `${new Date(`${slot.date}T12:00:00Z`).toLocaleDateString('en-US', {
          month: 'long',
          day: 'numeric',
          timeZone: 'UTC',
        })}(?!\\d)`,
      ),
    })
    .click();
  await page
    .getByRole('group', { name: 'Start times' })
    .getByRole('button', { name: new RegExp(`^${timeLabel(slot.time)} `) })
    .click();
  await page.getByRole('button', { name: 'Continue to details' }).click();
}

async function fillDetails(page: Page, postalCode: string, adults = '4') {
  const customer = uniqueCustomer('menu');
  await page.getByLabel('Adults').fill(adults);
  await page.getByLabel('Children (under 12)').fill('0');
  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('E-mail').fill(customer.email);
  await page.getByLabel('Phone').fill(customer.phone);
  await page.getByLabel('Street address').fill('7 Ember Row');
  await page.getByLabel('City').fill('Town');
  await page.getByLabel('Postal code').fill(postalCode);
  return customer;
}

const stored = async (request: APIRequestContext, reference: string, email: string) =>
  (
    (await (
      await request.get(`/api/bookings/${reference}?email=${encodeURIComponent(email)}`)
    ).json()) as {
      data: {
        currency: string;
        totalCents: number;
        depositCents: number;
        paidCents: number;
        status: string;
        version: number;
        menu: { lines: { name: string; quantity: number }[]; changeable: boolean };
      };
    }
  ).data;

test.describe('menu, currency and travel', () => {
  test('a London party books in pounds with two upgrades and an add-on, pays in GBP, and changes the menu before the lock', async ({
    page,
    request,
  }) => {
    // A week out: well before the 72-hour menu lock.
    const slot = await openSlot(request, 'london', 'Europe/London', 7);
    await openWizard(page, 'london', slot);
    const customer = await fillDetails(page, 'SW1A 2AA');
    await expect(page.getByTestId('quote-total')).toHaveText('£550');
    await page.getByRole('button', { name: 'Continue to menu' }).click();

    // Four adults: eight protein choices, two of them upgrades.
    await page.getByLabel('Chicken', { exact: true }).fill('4');
    await page.getByRole('button', { name: 'One more NY strip steak' }).click();
    await page.getByRole('button', { name: 'One more NY strip steak' }).click();
    await page.getByRole('button', { name: 'One more Filet mignon' }).click();
    await page.getByRole('button', { name: 'One more Lobster tail' }).click();
    await expect(page.getByText('8 of 8 chosen')).toBeVisible();
    await page.getByLabel('Gyoza platter').check();
    const quote = page.getByRole('complementary', { name: 'Your price' });
    await expect(quote).toContainText('1 × Filet mignon (+£12)');
    await expect(quote).toContainText('1 × Lobster tail (+£16)');
    await expect(quote).toContainText('Gyoza platter (£35)');
    // 4 × £55 = £220 is below the £550 minimum, which covers the food: still £550.
    await expect(page.getByTestId('quote-total')).toHaveText('£550');
    await page.getByRole('button', { name: 'Review booking' }).click();

    await expect(page.getByRole('heading', { name: 'Review and book' })).toBeVisible();
    await expect(page.getByText('4 × Chicken, 2 × NY strip steak')).toBeVisible();
    await page.getByRole('button', { name: 'Book and continue to deposit' }).click();
    await expect(page.getByRole('heading', { name: 'Your slot is held' })).toBeVisible();
    const reference = (await page.getByTestId('booking-reference').textContent())!;
    await page.getByRole('link', { name: 'Pay £100 deposit' }).click();
    await page.getByRole('button', { name: 'Pay £100 deposit' }).click();
    await expect(page.getByText('Amount: £100')).toBeVisible();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByTestId('payment-result')).toContainText('Deposit of £100 received');

    const paid = await stored(request, reference, customer.email);
    expect(paid).toMatchObject({ currency: 'GBP', status: 'CONFIRMED', paidCents: 10_000 });
    expect(paid.menu.lines.map((line) => `${line.quantity} ${line.name}`).sort()).toEqual([
      '1 Filet mignon',
      '1 Gyoza platter',
      '1 Lobster tail',
      '2 NY strip steak',
      '4 Chicken',
    ]);

    // The manage page: two more guests, more chicken, until the lock.
    await page.getByRole('link', { name: 'View or manage your booking' }).click();
    await expect(page.getByTestId('menu-lines')).toContainText('Gyoza platter');
    await expect(page.getByTestId('menu-lock')).toContainText('You can change your party');
    await page.getByRole('button', { name: 'Change party and menu' }).click();
    await page.getByLabel('Adults').fill('10');
    await page.getByLabel('Chicken', { exact: true }).fill('16');
    await expect(
      page.getByRole('complementary', { name: 'New price' }).getByTestId('quote-total'),
    ).toHaveText('£613');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('button', { name: 'Change party and menu' })).toBeVisible();
    const changed = await stored(request, reference, customer.email);
    // 10 × £55 + £12 + £16 + £35: the deposit paid stays, the balance grows.
    expect(changed).toMatchObject({ totalCents: 61_300, depositCents: 10_000, paidCents: 10_000 });
    expect(changed.menu.lines.find((line) => line.name === 'Chicken')?.quantity).toBe(16);
  });

  test('inside the menu lock the customer cannot change the menu; the page says why', async ({
    page,
    request,
  }) => {
    // A start between 49 and 71 hours ahead: past the 48-hour notice, inside the 72-hour lock.
    const { body, reference, manageUrl, token } = await bookHoursAhead(
      request,
      'london',
      'Europe/London',
      49,
      71,
    );
    await page.goto(manageUrl);
    await expect(page.getByTestId('menu-lock')).toContainText('Your party and menu are final');
    await expect(page.getByRole('button', { name: 'Change party and menu' })).toHaveCount(0);
    const booking = await stored(request, reference, body.customer.email);
    expect(booking.menu.changeable).toBe(false);
    const refused = await request.patch(`/api/bookings/${reference}/menu`, {
      data: { token, adults: 7, children: 0, menu: [], version: booking.version },
    });
    expect(refused.status()).toBe(409);
    expect(
      ((await refused.json()) as { error: { details: { reason: string } } }).error.details,
    ).toMatchObject({ reason: 'MENU_LOCKED' });
    expect((await stored(request, reference, body.customer.email)).totalCents).toBe(
      booking.totalCents,
    );
  });

  test('Seattle charges travel 35 miles out and refuses an address 200 miles out at the quote', async ({
    page,
    request,
  }) => {
    const slot = await openSlot(request, 'seattle', 'America/Los_Angeles', 5);
    await openWizard(page, 'seattle', slot);
    await fillDetails(page, '98375', '10');
    const quote = page.getByRole('complementary', { name: 'Your price' });
    await expect(quote).toContainText('Travel, 15 mi beyond the free 20 ($2/mi)');
    // 10 × $60 + $30 travel.
    await expect(page.getByTestId('quote-total')).toHaveText('$630');

    await page.getByLabel('Postal code').fill('99121');
    await expect(page.getByTestId('quote-refusal')).toHaveText(
      'This address is about 200 miles from Seattle; we travel up to 100',
    );
    await page.getByRole('button', { name: 'Continue to menu' }).click();
    await expect(page.getByRole('heading', { name: 'Your party and address' })).toBeVisible();
    await expect(page.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Postal code')).toBeFocused();

    // The API says the same, and holds nothing.
    const refused = await request.post('/api/bookings', {
      data: bookingBody({
        station: 'seattle',
        ...slot,
        address: { line1: '1 Far Rd', city: 'Danville', postalCode: '99121' },
      }),
    });
    expect(refused.status()).toBe(400);
    expect(
      ((await refused.json()) as { error: { details: Record<string, string[]> } }).error.details[
        'address.postalCode'
      ],
    ).toEqual(['This address is about 200 miles from Seattle; we travel up to 100']);
  });
});
