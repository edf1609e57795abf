import type { Page } from '@playwright/test';
import {
  bookOpenSlot,
  expect,
  followRunnerClock,
  slotWithFreeChefs,
  test,
  timeLabel,
} from '../fixtures';

async function fillDetails(page: Page, email: string) {
  await page.getByLabel('Adults').fill('8');
  await page.getByLabel('Children (under 12)').fill('2');
  await page.getByLabel('Your name').fill('Robin Example');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Phone').fill('+1 555 010 4444');
  await page.getByLabel('Street address').fill('42 Grill Road');
  await page.getByLabel('City').fill('Chicago');
  await page.getByLabel('Postal code').fill('60601');
}

/** From the details step through the menu step, proteins left for later, to the review. */
async function toReview(page: Page) {
  await page.getByRole('button', { name: 'Continue to menu' }).click();
  await page.getByLabel('Decide the proteins later', { exact: false }).check();
  await page.getByRole('button', { name: 'Review booking' }).click();
}

/** Opens the station's wizard, takes its first open date and time, and goes on to details. */
async function toDetails(page: Page, station: string) {
  await page.goto(`/book/${station}`);
  await page
    .getByRole('group', { name: 'Dates' })
    .getByRole('button', { disabled: false })
    .first()
    .click();
  await page
    .getByRole('group', { name: 'Start times' })
    .getByRole('button', { disabled: false })
    .first()
    .click();
  await page.getByRole('button', { name: 'Continue to details' }).click();
}

test.describe('booking wizard', () => {
  test('days inside the minimum notice say "Too soon" and why, not "Full"', async ({ page }) => {
    await page.goto('/book/chicago');
    const dates = page.getByRole('group', { name: 'Dates' });
    // Today is always inside Chicago's 48 hours' notice.
    const today = dates.getByRole('button').first();
    await expect(today).toBeDisabled();
    await expect(today).toContainText('Too soon');
    await expect(today).toHaveAccessibleName(/bookings need 48 hours' notice/);
    await expect(page.getByText(/Days marked “Too soon” are inside our notice/)).toBeVisible();
    await expect(dates.getByRole('button', { disabled: false }).first()).not.toContainText(
      'Too soon',
    );
  });

  test('a customer books end to end and sees the reference', async ({ page, request }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Book a chef in Chicago' }).click();
    await expect(page.getByRole('heading', { name: 'Book a chef in Chicago' })).toBeVisible();
    await page
      .getByRole('group', { name: 'Dates' })
      .getByRole('button', { disabled: false })
      .first()
      .click();
    const firstTime = page
      .getByRole('group', { name: 'Start times' })
      .getByRole('button', { disabled: false })
      .first();
    await expect(firstTime).toContainText(/chefs? (free|left)/);
    await firstTime.click();
    await page.getByRole('button', { name: 'Continue to details' }).click();

    const email = `e2e.flow.${Date.now()}@example.com`;
    await fillDetails(page, email);
    await expect(page.getByTestId('quote-total')).toHaveText('$550');
    await expect(page.getByTestId('quote-deposit')).toHaveText('$100');
    // Straight from the details to the review: the menu is chosen later, from the booking page.
    await page.getByRole('button', { name: 'Review booking' }).click();
    await expect(page.getByRole('heading', { name: 'Review and book' })).toBeVisible();
    await page.getByRole('button', { name: 'Book and continue to deposit' }).click();

    await expect(page.getByRole('heading', { name: 'Your slot is held' })).toBeVisible();
    const reference = (await page.getByTestId('booking-reference').textContent())!;
    expect(reference).toMatch(/^HB-[A-Z2-9]{6}$/);
    await expect(page.getByRole('link', { name: /Pay \$100 deposit/ })).toBeVisible();

    const stored = await request.get(
      `/api/bookings/${reference}?email=${encodeURIComponent(email)}`,
    );
    expect(stored.status()).toBe(200);
    expect(
      ((await stored.json()) as { data: { status: string; adults: number } }).data,
    ).toMatchObject({ status: 'PENDING_PAYMENT', adults: 8 });
  });

  test('at phone width a long e-mail wraps on the review step: nothing scrolls sideways', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await toDetails(page, 'chicago');
    await fillDetails(page, `a.rather.long.address.${Date.now()}@example-catering.com`);
    await toReview(page);
    await expect(page.getByRole('heading', { name: 'Review and book' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  test('invalid details show field errors without sending a request', async ({ page }) => {
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/bookings'))
        posts.push(request.url());
    });
    await toDetails(page, 'denver');
    await page.getByLabel('Adults').fill('0');
    await page.getByLabel('E-mail').fill('not-an-email');
    await page.getByRole('button', { name: 'Continue to menu' }).click();

    await expect(page.getByLabel('Adults')).toBeFocused();
    await expect(page.getByText('At least one adult must attend')).toBeVisible();
    await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
    await expect(page.getByText('Enter your name')).toBeVisible();
    await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('heading', { name: 'Your party and address' })).toBeVisible();
    expect(posts).toEqual([]);
  });

  test('a second browser racing for the last chef sees the friendly "just taken" path', async ({
    browser,
    request,
    clientAddress,
  }) => {
    const { date, time } = await slotWithFreeChefs(request, 'miami', 'America/New_York', 25, 1);
    const customers = await Promise.all(
      [0, 1].map(async (index) => {
        const context = await browser.newContext({
          extraHTTPHeaders: {
            'X-Forwarded-For': `${clientAddress.split('.').slice(0, 3).join('.')}.${200 + index}`,
          },
        });
        await followRunnerClock(context);
        const page = await context.newPage();
        await page.goto('/book/miami');
        await page
          .getByRole('group', { name: 'Dates' })
          .getByRole('button', {
            // "December 1" must not also match "December 10".
            name: new RegExp(
              `${new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
                month: 'long',
                day: 'numeric',
                timeZone: 'UTC',
              })}(?!\\d)`,
            ),
          })
          .click();
        const slot = page
          .getByRole('group', { name: 'Start times' })
          .getByRole('button', { name: new RegExp(`^${timeLabel(time)} `) });
        await expect(slot).toContainText('1 chef left');
        await slot.click();
        await page.getByRole('button', { name: 'Continue to details' }).click();
        await fillDetails(page, `e2e.race.${index}.${Date.now()}@example.com`);
        await toReview(page);
        return { context, page };
      }),
    );
    const [winner, loser] = customers as [(typeof customers)[number], (typeof customers)[number]];
    await winner.page.getByRole('button', { name: 'Book and continue to deposit' }).click();
    await expect(winner.page.getByRole('heading', { name: 'Your slot is held' })).toBeVisible();

    await loser.page.getByRole('button', { name: 'Book and continue to deposit' }).click();
    await expect(
      loser.page.getByRole('alert').filter({ hasText: 'that time was just taken' }),
    ).toBeVisible();
    await expect(loser.page.getByRole('heading', { name: 'When is your party?' })).toBeVisible();
    await expect(
      loser.page
        .getByRole('group', { name: 'Start times' })
        .getByRole('button', { name: new RegExp(`^${timeLabel(time)} `) }),
    ).toBeDisabled();
    await Promise.all(customers.map(({ context }) => context.close()));
  });

  test('the manage page finds a booking and cancels it after confirmation', async ({
    page,
    request,
  }) => {
    const { body, response: created } = await bookOpenSlot(
      request,
      'seattle',
      'America/Los_Angeles',
      15,
    );
    expect(created.status()).toBe(201);
    const { reference } = ((await created.json()) as { data: { reference: string } }).data;

    await page.goto('/manage');
    await page.getByLabel('Booking reference').fill(reference.toLowerCase());
    await page
      .getByLabel('E-mail used for the booking')
      .fill((body.customer as { email: string }).email);
    await page.getByRole('button', { name: 'Find booking' }).click();
    await expect(page.getByTestId('booking-status')).toHaveText('Awaiting deposit');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel booking ${reference}?` });
    await expect(dialog).toContainText('No payment was taken');
    await dialog.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(page.getByTestId('booking-status')).toHaveText('Cancelled');
    await expect(page.getByTestId('refund-outcome')).toContainText('nothing to refund');
  });

  test('the lookup button stays disabled until the page is interactive', async ({
    page,
    request,
  }) => {
    // Server-rendered HTML: disabled, so a click before hydration cannot be silently lost.
    const html = await (await request.get('/manage')).text();
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Find booking</);
    await page.goto('/manage');
    await expect(page.getByRole('button', { name: 'Find booking' })).toBeEnabled();
  });

  test('too many lookups: the manage page says how long to wait and holds the button', async ({
    page,
    request,
  }) => {
    // The page and `request` share this test's client address, so they share its budget.
    for (let attempt = 0; attempt < 10; attempt += 1)
      await request.get('/api/bookings/HB-ZZZZZZ?email=nobody%40example.com');
    await page.goto('/manage');
    await page.getByLabel('Booking reference').fill('HB-ZZZZZZ');
    await page.getByLabel('E-mail used for the booking').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Find booking' }).click();
    await expect(page.locator('.field-error[role="alert"]')).toHaveText(
      /^Too many lookups\. Try again in \d+ seconds\.$/,
    );
    await expect(page.getByRole('button', { name: 'Find booking' })).toBeDisabled();
  });

  test('a wrong e-mail on the manage page gets a clear message', async ({ page }) => {
    await page.goto('/manage');
    await page.getByLabel('Booking reference').fill('HB-ZZZZZZ');
    await page.getByLabel('E-mail used for the booking').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Find booking' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'No booking matches' })).toHaveText(
      'No booking matches that reference and e-mail address.',
    );
  });
});
