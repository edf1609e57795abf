import { request as playwrightRequest } from '@playwright/test';
import { requestSweep } from '@hibachi/core/jobs/sweep-queue';
import { addressFor, database, dateIn, expect, mailAbout, test, uniqueCustomer } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';
import { apiAs, staff } from '../admin/admin-fixtures';

const ADMIN = `http://localhost:${ADMIN_PORT}`;
const TZ = 'America/Los_Angeles';

type Menu = { items: { id: string; name: string; kind: string }[] };
type Created = {
  id: string;
  reference: string;
  totalCents: number;
  depositCents: number;
  proposalUrl: string;
  holdExpiresAt: string;
};
type Day = { slots: { time: string; freeChefIds: string[] }[]; chefs: { id: string }[] };

/** A start `days` ahead in Seattle with a chef free, as staff see the day. */
async function freeStart(admin: Awaited<ReturnType<typeof apiAs>>, days: number) {
  for (let offset = 0; offset < 10; offset += 1) {
    const date = dateIn(TZ, days + offset);
    const day = (await (
      await admin.get(`/api/admin/availability?station=seattle&date=${date}`)
    ).json()) as {
      data: Day;
    };
    const slot = day.data.slots.find(
      (candidate) => candidate.freeChefIds.length > 0 && candidate.time >= '16:00',
    );
    if (slot) return { date, time: slot.time, chefId: slot.freeChefIds[0]! };
  }
  throw new Error('no free start in Seattle');
}

test.describe('a phone order: proposal, acceptance and deposit', () => {
  test('staff take a party of 14 with 10% off; the customer changes a protein, accepts the terms and pays', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const admin = await apiAs(ADMIN, staff('seattle'));
    const menu = (
      (await (await request.get('/api/stations/seattle/menu')).json()) as { data: Menu }
    ).data;
    const item = (name: string) => menu.items.find((candidate) => candidate.name === name)!.id;
    const start = await freeStart(admin, 6);
    const customer = uniqueCustomer();
    const response = await admin.post('/api/admin/bookings', {
      data: {
        station: 'seattle',
        date: start.date,
        time: start.time,
        chefId: start.chefId,
        adults: 14,
        children: 0,
        customer,
        address: { line1: '400 Pine St', city: 'Seattle', postalCode: '98101' },
        menu: [
          { itemId: item('Chicken'), quantity: 14 },
          { itemId: item('NY strip steak'), quantity: 14 },
        ],
        adjustments: [
          {
            kind: 'DISCOUNT',
            percent: 10,
            label: 'Neighbour rate',
            reason: 'Referred by a regular',
          },
        ],
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const booking = ((await response.json()) as { data: Created }).data;

    // The customer's e-mail carries the proposal link.
    const mail = await mailAbout(customer.email, booking.reference);
    const link = /accept them and pay the .* deposit to confirm: (\S+)/.exec(mail.text)?.[1];
    expect(link).toContain(`/proposal/${booking.reference}?token=`);

    await page.goto(link!);
    await expect(page.getByRole('heading', { name: /Your proposal from Seattle/ })).toBeVisible();
    await expect(page.getByText('Neighbour rate (10%)')).toBeVisible();

    // One protein changed before accepting: 13 chicken and a shrimp.
    await page.getByRole('button', { name: 'Change the party or menu' }).click();
    await page.getByLabel('Chicken', { exact: true }).fill('13');
    await page.getByLabel('Shrimp', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('menu-lines')).toContainText('1 × Shrimp');

    // Accepting needs the box ticked.
    await page.getByLabel('Your full name').fill(customer.name);
    await page.getByRole('button', { name: 'Accept and pay the deposit' }).click();
    await expect(page.getByText(/Tick the box to accept the terms/)).toBeVisible();
    await page.getByLabel(/I accept the price above and Seattle's terms/).check();
    await page.getByRole('button', { name: 'Accept and pay the deposit' }).click();

    await expect(page).toHaveURL(new RegExp(`/pay/${booking.reference}\\?token=`));
    await page.getByRole('button', { name: /^Pay .* deposit$/ }).click();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();

    // Both sides show the acceptance: the customer's page and the staff booking.
    const token = new URL(link!).searchParams.get('token')!;
    await page.goto(`/manage/${booking.reference}?token=${encodeURIComponent(token)}`);
    await expect(page.getByTestId('acceptances')).toContainText(`accepted by ${customer.name}`);
    await page.getByRole('button', { name: /terms version 1|terms version \d+/ }).click();
    await expect(page.getByLabel(/Terms, version \d+/)).toContainText(
      'Terms of booking with Seattle',
    );

    // The accepted proposal's PDF opens from the manage page.
    const href = await page
      .getByRole('link', { name: 'Download the accepted proposal (PDF)' })
      .getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const staffPdf = await admin.get(`/api/admin/bookings/${booking.id}/proposal.pdf`);
    expect(staffPdf.status()).toBe(200);
    expect(Buffer.compare(await staffPdf.body(), await download.body())).toBe(0);

    const detail = (
      (await (await admin.get(`/api/admin/bookings/${booking.id}`)).json()) as {
        data: {
          status: string;
          source: string;
          proposal: {
            needsAcceptance: boolean;
            acceptances: { name: string; termsSha256: string }[];
          };
          menu: { lines: { name: string; quantity: number }[] };
          priceLines: { kind: string; amountCents: number }[];
        };
      }
    ).data;
    expect(detail).toMatchObject({
      status: 'CONFIRMED',
      source: 'STAFF',
      proposal: { needsAcceptance: false, acceptances: [{ name: customer.name }] },
    });
    expect(detail.proposal.acceptances[0]!.termsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.menu.lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Shrimp', quantity: 1 })]),
    );
    expect(detail.priceLines.find((line) => line.kind === 'DISCOUNT')!.amountCents).toBeLessThan(0);
    await admin.dispose();
  });

  test('hostile proposals: a tampered link, another booking’s token, accepting twice at once', async ({
    page,
  }) => {
    const admin = await apiAs(ADMIN, staff('seattle'));
    const order = async (days: number) => {
      const start = await freeStart(admin, days);
      const response = await admin.post('/api/admin/bookings', {
        data: {
          station: 'seattle',
          date: start.date,
          time: start.time,
          adults: 8,
          customer: uniqueCustomer(),
          address: { line1: '1 Lake Way', city: 'Seattle', postalCode: '98101' },
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { data: Created }).data;
    };
    const first = await order(9);
    const second = await order(10);
    const tokenOf = (booking: Created) =>
      new URL(booking.proposalUrl, ADMIN).searchParams.get('token')!;

    await page.goto(
      `/proposal/${first.reference}?token=${encodeURIComponent(`${tokenOf(first)}x`)}`,
    );
    await expect(
      page.getByText(/No booking matches|could not be loaded|not found/i).first(),
    ).toBeVisible();

    const customer = await playwrightRequest.newContext({
      baseURL: `http://localhost:${CUSTOMER_PORT}`,
      extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`proposal:${Math.random()}`) },
    });
    const terms = (
      (await (await customer.get('/api/stations/seattle/terms')).json()) as {
        data: { version: number };
      }
    ).data;
    const accept = (token: string) =>
      customer.post(`/api/bookings/${first.reference}/acceptance`, {
        data: {
          token,
          name: 'Mallory',
          agree: true,
          termsVersion: terms.version,
          proposalVersion: 1,
          totalCents: first.totalCents,
        },
      });
    expect((await accept(tokenOf(second))).status()).toBe(404);
    const statuses = (await Promise.all([accept(tokenOf(first)), accept(tokenOf(first))])).map(
      (r) => r.status(),
    );
    expect(statuses.sort()).toEqual([201, 409]);
    const db = await database();
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "TermsAcceptance" a JOIN "Booking" b ON b.id = a."bookingId" WHERE b.reference = $1`,
      [first.reference],
    );
    await db.end();
    expect(rows[0].n).toBe(1);
    await Promise.all([customer.dispose(), admin.dispose()]);
  });

  test('an unpaid phone order expires and frees its chef; its proposal says so', async ({
    page,
  }) => {
    const admin = await apiAs(ADMIN, staff('seattle'));
    const start = await freeStart(admin, 12);
    const response = await admin.post('/api/admin/bookings', {
      data: {
        station: 'seattle',
        date: start.date,
        time: start.time,
        chefId: start.chefId,
        adults: 6,
        customer: uniqueCustomer(),
        address: { line1: '9 Elm St', city: 'Seattle', postalCode: '98101' },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    const booking = ((await response.json()) as { data: Created }).data;
    const freeAt = async () => {
      const day = (await (
        await admin.get(`/api/admin/availability?station=seattle&date=${start.date}`)
      ).json()) as {
        data: Day;
      };
      return day.data.slots.find((slot) => slot.time === start.time)?.freeChefIds ?? [];
    };
    expect(await freeAt()).not.toContain(start.chefId);

    const db = await database();
    await db.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 minute' WHERE id = $1`,
      [booking.id],
    );
    await requestSweep(process.env.E2E_DATABASE_URL!);
    await expect
      .poll(
        async () =>
          (await db.query('SELECT status FROM "Booking" WHERE id = $1', [booking.id])).rows[0]
            .status,
      )
      .toBe('EXPIRED');
    await db.end();
    expect(await freeAt()).toContain(start.chefId);

    await page.goto(booking.proposalUrl);
    await expect(page.getByTestId('proposal-lapsed')).toContainText('has lapsed');
    await admin.dispose();
  });
});
