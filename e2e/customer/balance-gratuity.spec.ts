import { requestSweep } from '@hibachi/core/jobs/sweep-queue';
import { bookHoursAhead, database, dateIn, expect, mailAbout, test } from '../fixtures';
import { ADMIN_PORT } from '../ports';
import { manager, DEMO_PASSWORD } from '../admin/admin-fixtures';

const ADMIN = `http://localhost:${ADMIN_PORT}`;
const TZ = 'America/Los_Angeles';

test.describe('after the deposit: the reminder, the balance and a gratuity', () => {
  test('a customer pays the deposit, gets the reminder, and pays the balance with 20% for the chef from its link', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    // Four days out: inside the seven-day reminder, before the menu lock.
    const booking = await bookHoursAhead(request, 'seattle', TZ, 80, 100);
    const email = booking.body.customer.email;
    await page.goto(`/pay/${booking.reference}?token=${encodeURIComponent(booking.token)}`);
    await page.getByRole('button', { name: /^Pay .* deposit$/ }).click();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();

    // As if booked two weeks ago (a booking made inside the reminder's week skips it), then
    // the planner runs on the cluster's sweep: ask for one now rather than wait for the minute.
    const setup = await database();
    await setup
      .query(`UPDATE "Booking" SET "createdAt" = now() - interval '14 days' WHERE reference = $1`, [
        booking.reference,
      ])
      .finally(() => setup.end());
    await requestSweep(process.env.E2E_DATABASE_URL!);
    const reminder = await mailAbout(
      email,
      `Coming up: your hibachi chef for ${booking.reference}`,
    );
    expect(reminder.text).toContain('Please check your party and menu by');
    const balanceLink = /Pay it online now, with a gratuity for your chef if you like: (\S+)/.exec(
      reminder.text,
    )?.[1];
    expect(balanceLink).toMatch(new RegExp(`/manage/${booking.reference}\\?token=.+#balance$`));
    const manageLink = /See or manage your booking: (\S+)/.exec(reminder.text)?.[1];

    // The menu link: the party and menu can still be changed from it.
    await page.goto(manageLink!);
    await expect(page.getByRole('button', { name: 'Change party and menu' })).toBeVisible();

    // The balance link: the balance with a 20% gratuity of the food, through the simulator.
    await page.goto(balanceLink!);
    const balance = page.getByRole('region', { name: 'Balance and gratuity' });
    await expect(balance.getByTestId('balance-due')).toContainText('Balance due: $');
    await balance.getByRole('radio', { name: /^20% / }).check();
    const pay = balance.getByRole('button', { name: /^Pay \$/ });
    const total = (await pay.textContent())!.replace('Pay ', '');
    await pay.click();
    await expect(
      page.getByRole('heading', { name: `Balance for ${booking.reference}` }),
    ).toBeVisible();
    await expect(page.getByTestId('simulator-amount')).toHaveText(total);
    await page.getByRole('button', { name: 'Pay (test)' }).click();

    await expect(page.getByTestId('balance-returned')).toHaveText(
      'Thank you: your payment is received.',
    );
    await expect(page.getByTestId('balance-due')).toHaveText(
      'Everything is paid: nothing to collect on the day.',
    );
    const client = await database();
    const { rows } = await client
      .query<{
        id: string;
        total: number;
        travel: number;
        gratuity: number;
        chef: string;
      }>(
        `SELECT b.id, b."totalCents" AS total, b."travelFeeCents" AS travel, c.name AS chef,
                (SELECT sum(p."gratuityCents")::int FROM "Payment" p
                  WHERE p."bookingId" = b.id AND p.status = 'SUCCEEDED') AS gratuity
           FROM "Booking" b JOIN "Chef" c ON c.id = b."chefId" WHERE b.reference = $1`,
        [booking.reference],
      )
      .finally(() => client.end());
    const [saved] = rows;
    expect(saved!.gratuity).toBe(Math.round((saved!.total - saved!.travel) * 0.2));
    const tip = `$${(saved!.gratuity / 100).toLocaleString('en-US', { minimumFractionDigits: saved!.gratuity % 100 ? 2 : 0 })}`;
    await expect(page.getByTestId('gratuity-paid')).toContainText(tip);
    await mailAbout(email, `Payment received for ${booking.reference}`);

    // Staff see the gratuity on the booking, and the chef's share in the dashboard's range.
    const signIn = await page.request.post(`${ADMIN}/api/session`, {
      data: { email: manager('seattle'), password: DEMO_PASSWORD },
    });
    expect(signIn.status(), await signIn.text()).toBe(200);
    await page.goto(`${ADMIN}/bookings/${saved!.id}`);
    await expect(page.getByTestId('booking-gratuity')).toHaveText(tip);
    await expect(page.getByTestId('balance-due')).toHaveText('$0');
    await expect(page.getByTestId('balance-link')).toContainText('Online balance link: paid on');
    const today = dateIn(TZ, 0);
    await page.goto(`${ADMIN}/dashboard?range=custom&from=${today}&to=${today}`);
    const chefs = page.getByRole('region', { name: 'Gratuities by chef' });
    await expect(chefs.getByTestId('gratuity-chef').filter({ hasText: saved!.chef })).toContainText(
      tip,
    );
  });

  test('a partial balance is refused where the station does not allow one, and a second payment is not taken twice', async ({
    request,
  }) => {
    const booking = await bookHoursAhead(request, 'seattle', TZ, 80, 100);
    const token = booking.token;
    const deposit = await request.post('/api/payments/checkout', {
      data: { reference: booking.reference, token },
    });
    const session = new URL(
      ((await deposit.json()) as { data: { url: string } }).data.url,
      'http://x',
    ).searchParams.get('session');
    await request.post('/api/payments/simulator', {
      data: { reference: booking.reference, token, session, outcome: 'pay' },
    });
    const partial = await request.post(`/api/bookings/${booking.reference}/balance-checkout`, {
      data: { token, amountCents: 100 },
    });
    expect(partial.status()).toBe(400);
    expect(await partial.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { amountCents: [expect.any(String)] } },
    });
    const tooMuch = await request.post(`/api/bookings/${booking.reference}/balance-checkout`, {
      data: { token, amountCents: 10_000_000 },
    });
    expect(tooMuch.status()).toBe(409);
    expect(await tooMuch.json()).toMatchObject({ error: { details: { reason: 'OVERPAYMENT' } } });
    const before = await request.post(`/api/bookings/${booking.reference}/balance-checkout`, {
      data: { email: booking.body.customer.email, gratuity: { kind: 'percent', percent: 22 } },
    });
    expect(before.status(), await before.text()).toBe(200);
    expect(
      ((await before.json()) as { data: { gratuityCents: number } }).data.gratuityCents,
    ).toBeGreaterThan(0);
  });
});
